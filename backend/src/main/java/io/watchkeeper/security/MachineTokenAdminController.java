package io.watchkeeper.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.NotFoundException;

/**
 * Machine tokens of the health feed, for administrators: the page {@code /admin/tokens} (issue, see the new
 * token once, revoke) and the same under {@code /api/admin/tokens}.
 */
@Controller
class MachineTokenAdminController {

	private final MachineTokens tokens;

	MachineTokenAdminController(MachineTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/admin/tokens")
	String page(Model model) {
		model.addAttribute("tokens", tokens.list());
		return "health/tokens";
	}

	@PostMapping("/admin/tokens")
	String issue(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
		try {
			MachineTokens.IssuedToken issued = tokens.issue(name, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
			// shown once: a flash attribute lives for exactly the next page view
			redirect.addFlashAttribute("issued", issued);
			return "redirect:/admin/tokens";
		}
		catch (InvalidRequest e) {
			InvalidRequest.Violation v = e.violations().get(0);
			model.addAttribute("nameError", v.code());
			model.addAttribute("name", name);
			model.addAttribute("tokens", tokens.list());
			return "health/tokens";
		}
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		tokens.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No token " + id));
		boolean revoked = tokens.revoke(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress());
		redirect.addFlashAttribute("notice", revoked ? "token.revokedNotice" : "token.alreadyRevoked");
		return "redirect:/admin/tokens";
	}

	/** The JSON side: {@code GET/POST /api/admin/tokens}, {@code POST /api/admin/tokens/{id}/revoke}. */
	@RestController
	static class Api {

		record NewToken(String name) {
		}

		private final MachineTokens tokens;

		Api(MachineTokens tokens) {
			this.tokens = tokens;
		}

		@GetMapping("/api/admin/tokens")
		List<MachineTokens.TokenSummary> list() {
			return tokens.list();
		}

		/** Issues a token; the answer is the only time its secret ({@code token}) is shown. */
		@PostMapping("/api/admin/tokens")
		ResponseEntity<MachineTokens.IssuedToken> issue(@RequestBody NewToken request) {
			MachineTokens.IssuedToken issued = tokens.issue(request.name(), AuditLog.currentActor(),
					AuditLog.currentRemoteAddress());
			return ResponseEntity.created(URI.create("/api/admin/tokens/" + issued.id())).body(issued);
		}

		@GetMapping("/api/admin/tokens/{id}")
		MachineTokens.TokenSummary show(@PathVariable long id) {
			return tokens.find(id).orElseThrow(() -> new NotFoundException("Token", id));
		}

		@PostMapping("/api/admin/tokens/{id}/revoke")
		MachineTokens.TokenSummary revoke(@PathVariable long id) {
			tokens.find(id).orElseThrow(() -> new NotFoundException("Token", id));
			if (!tokens.revoke(id, AuditLog.currentActor(), AuditLog.currentRemoteAddress())) {
				throw new ConflictException("Token " + id + " is revoked already");
			}
			return tokens.find(id).orElseThrow();
		}
	}
}
