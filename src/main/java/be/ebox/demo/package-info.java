/**
 * Demo mode ({@code EBOX_DEMO=true}): the sample registry, ready-to-use demo accounts and the senders' demo reference
 * data, so a newcomer can click through at once. No public API: it only uses other modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package be.ebox.demo;
