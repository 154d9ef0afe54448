package io.watchkeeper.camera;

import org.springframework.data.jpa.repository.JpaRepository;

interface CameraRepository extends JpaRepository<Camera, Long> {

	boolean existsByAssetTag(String assetTag);
}
