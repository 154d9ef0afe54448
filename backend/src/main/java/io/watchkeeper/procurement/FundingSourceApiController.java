package io.watchkeeper.procurement;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.shared.NotFoundException;

/** Adds and changes funding sources over the API (ADMIN and PROCUREMENT); GET /api/funding-sources lists them. */
@RestController
@RequestMapping(path = "/api/funding-sources", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference lists")
class FundingSourceApiController {

	/** What the API answers for a saved source: the stored values, the year also as the ROC year. */
	record SavedFundingSource(long id, String code, String kind, String nameZh, String nameEn, String sponsor,
			int fiscalYear, int rocYear, long amountNtd) {

		static SavedFundingSource of(long id, FundingSourceDraft s) {
			return new SavedFundingSource(id, s.code(), s.kind(), s.nameZh(), s.nameEn(), s.sponsor(), s.fiscalYear(),
					s.fiscalYear() - ProcurementInput.ROC_EPOCH, s.amount().amount());
		}
	}

	private final FundingSources sources;

	FundingSourceApiController(FundingSources sources) {
		this.sources = sources;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a funding source", description = """
			`code` letters, digits and dashes (stored upper case, unique); `kind` CITY_BUDGET, CENTRAL_SUBSIDY, \
			SOE_COMMUNITY_FUND, DONATION or OTHER; `nameZh` required; `fiscalYear` as 2023 or as the ROC year 112; \
			`amount` whole New Taiwan dollars (a number, or text such as "NT$20,526,000"). 400 names the fields at \
			fault; 409 when the code is taken or the same source exists.""")
	ResponseEntity<SavedFundingSource> create(@RequestBody FundingSourceForm form) {
		FundingSourceDraft source = FundingSourceDraft.parse(form);
		long id = sources.create(source);
		return ResponseEntity.created(URI.create("/api/funding-sources/" + id)).body(SavedFundingSource.of(id, source));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a funding source", description = "The same fields and checks as adding one.")
	SavedFundingSource update(@PathVariable long id, @RequestBody FundingSourceForm form) {
		sources.find(id).orElseThrow(() -> new NotFoundException("Funding source", id));
		FundingSourceDraft source = FundingSourceDraft.parse(form);
		sources.update(id, source);
		return SavedFundingSource.of(id, source);
	}

	@ExceptionHandler(ProcurementInputRefused.class)
	ResponseEntity<ProblemDetail> refused(ProcurementInputRefused e) {
		return e.asProblem();
	}
}
