package io.watchkeeper.procurement;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads funding, projects and contracts for the pages; one snapshot, so the totals agree with the rows. */
@Service
class ProcurementReport {

	private final ProcurementQueries queries;

	ProcurementReport(ProcurementQueries queries) {
		this.queries = queries;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	ProcurementOverview overview() {
		return ProcurementOverview.of(queries.fundingSources(), queries.projects(), queries.contracts());
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Optional<Project> project(long id) {
		return queries.project(id);
	}

	@Transactional(readOnly = true)
	ProjectProgress progress(long id) {
		return queries.progress(id);
	}
}
