package io.watchkeeper.camera;

import io.watchkeeper.shared.ConflictException;

/** Another camera already carries this asset tag; answered with 409 and shown next to the tag field. */
public class DuplicateAssetTagException extends ConflictException {

	public DuplicateAssetTagException(AssetTag tag) {
		super("Asset tag " + tag + " is already used by another camera");
	}
}
