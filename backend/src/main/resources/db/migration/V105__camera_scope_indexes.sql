-- A vendor's camera scope (CameraScope) finds cameras by their own maintenance contract and by the supplier whose
-- warranty covers them; with these the planner can OR index bitmaps instead of reading the whole fleet.
CREATE INDEX camera_contract_idx ON camera (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX camera_supplier_warranty_idx ON camera (supplier_vendor_id, warranty_end)
    WHERE supplier_vendor_id IS NOT NULL;
