/**
 * The social elections sender: the election database (enterprises, technical business units, consultation bodies),
 * the procedure calendar (data, relative to day X and day Y), the dossier codes and their letters, the campaigns and
 * reminders of the employment service, its dashboard, the web application reached with the codes, and the public
 * information pages. Everything is reached through pages; no other module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social elections")
package be.ebox.elections;
