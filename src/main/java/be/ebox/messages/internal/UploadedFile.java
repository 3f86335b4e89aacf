package be.ebox.messages.internal;

import be.ebox.documents.StoredBlob;

/** A file part already in the blob store, waiting to be linked by its {@code httpPartName}. */
record UploadedFile(String partName, String fileName, String mediaType, StoredBlob blob) {
}
