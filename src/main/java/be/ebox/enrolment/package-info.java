/**
 * Registration of an enterprise (once per legal entity), its activation letter in the postal outbox, the
 * activation of its e-Box by the main access manager, and the e-Box state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enrolment")
package be.ebox.enrolment;
