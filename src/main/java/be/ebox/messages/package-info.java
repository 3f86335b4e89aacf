/**
 * Messages: publication of documents, notifications and tasks into e-Boxes (the contract's {@code /publishMessage})
 * and read access to what was published.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messages")
package be.ebox.messages;
