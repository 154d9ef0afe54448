package io.watchkeeper.procurement;

import java.time.LocalDate;

/** A maintenance contract with the precincts it covers (names joined in the reader's language). */
record MaintenanceContract(long id, String code, Bilingual name, Bilingual vendor, Bilingual precincts,
		LocalDate startsOn, LocalDate endsOn, NtDollars budget, int responseHours, int restoreHours) {
}
