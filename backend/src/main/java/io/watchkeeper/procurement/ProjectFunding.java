package io.watchkeeper.procurement;

/** The part of a project's money that one funding source pays. */
record ProjectFunding(long projectId, long fundingSourceId, String code, String kind, Bilingual name,
		int fiscalYear, NtDollars amount) {
}
