/**
 * What every page and module shares: the page frame, languages, the clock, error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.ebox.system;
