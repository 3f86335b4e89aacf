/**
 * Documents: the content-addressed blob store, digests and the real media type of uploaded bytes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package be.ebox.documents;
