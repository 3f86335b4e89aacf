/**
 * Senders: the reference data of the Message Registry (sender organisations, their applications, message types) and
 * the OAuth2 clients with which machines (sender applications, enterprise software) call the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Senders")
package be.ebox.senders;
