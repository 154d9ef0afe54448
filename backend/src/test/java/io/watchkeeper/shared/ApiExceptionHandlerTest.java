package io.watchkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

class ApiExceptionHandlerTest {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void aClientThatWentAwayGetsNothingWritten() throws Exception {
		assertThat(handler.unexpected(new ClientAbortException(new IOException("Broken pipe")))).isNull();
		assertThat(handler.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to flush"))).isNull();
		assertThat(handler.unexpected(new IllegalStateException("export", new IOException("Connection reset by peer"))))
			.isNull();
	}

	@Test
	void anyOtherErrorIsAnInternalErrorProblem() throws Exception {
		ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("boom"));
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().getDetail()).contains("has been logged").doesNotContain("boom");
		assertThat(handler.unexpected(new IOException("disk full"))).isNotNull();
	}
}
