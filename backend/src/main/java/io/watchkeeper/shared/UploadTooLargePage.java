package io.watchkeeper.shared;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where {@link UploadLimit} sends a browser whose upload was too large: the error page, with a link back. */
@Controller
class UploadTooLargePage {

	private final long limitMb;

	UploadTooLargePage(@Value("${spring.servlet.multipart.max-request-size:60MB}") String maxRequestSize) {
		this.limitMb = Math.max(1, DataSize.parse(maxRequestSize).toMegabytes());
	}

	@GetMapping(UploadLimit.TOO_LARGE_PAGE)
	String tooLarge(@RequestParam(defaultValue = "/") String back, Model model, HttpServletResponse response) {
		response.setStatus(413);
		model.addAttribute("status", 413);
		model.addAttribute("messageKey", "error.413");
		model.addAttribute("limitMb", limitMb);
		model.addAttribute("csrf", false);
		model.addAttribute("back", ErrorPages.back(back));
		return "error";
	}
}
