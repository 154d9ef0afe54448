package io.watchkeeper.procurement;

/** A funding source with the number of registered cameras it paid for. */
record FundingSource(long id, String code, String kind, Bilingual name, String sponsor, int fiscalYear,
		NtDollars amount, long camerasFunded) {
}
