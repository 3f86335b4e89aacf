package be.ebox.console.internal;

/** The bulk page's fields: a message template (the compose page's fields but the recipient) and a recipients file. */
public class BulkForm extends ComposeForm {

	/** Errors about the recipients file sit on this field; the file itself is a request parameter. */
	public String getRecipients() {
		return null;
	}
}
