package io.watchkeeper.gazetteer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * The checks every door-plate upload gets, for the API and the page alike: a file, a sensible name and city, and
 * the file's problems turned into field errors ("line 12: x") in the reader's language.
 */
@Component
class GazetteerUploads {

	private final Gazetteers gazetteers;

	private final MessageSource messages;

	GazetteerUploads(Gazetteers gazetteers, MessageSource messages) {
		this.gazetteers = gazetteers;
		this.messages = messages;
	}

	Gazetteers.Imported importFile(MultipartFile file, String name, String city, Locale locale, String actor,
			String remoteAddress) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", messages.getMessage("gazetteer.chooseFile", null, locale));
		}
		String fileName = file.getOriginalFilename();
		String n = name == null || name.isBlank() ? baseName(fileName) : name.strip();
		if (n == null || n.isEmpty() || n.length() > 120 || n.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException("name", messages.getMessage("gazetteer.badName", null, locale));
		}
		String c = city == null || city.isBlank() ? null : city.strip().replace('臺', '台');
		if (c != null && (c.length() > 20 || !c.codePoints().allMatch(Character::isIdeographic))) {
			throw new InvalidInputException("city", messages.getMessage("gazetteer.badCity", null, locale));
		}
		try {
			return gazetteers.importFile(n, c, file.getBytes(), fileName, actor, remoteAddress);
		}
		catch (GazetteerFile.Unreadable e) {
			throw new InvalidInputException("file", messages.getMessage(e.code, e.args, locale));
		}
		catch (Gazetteers.RefusedFile e) {
			List<FieldError> errors = new ArrayList<>();
			for (Gazetteers.LineProblem p : e.problems) {
				errors.add(new FieldError(messages.getMessage("gazetteer.line", new Object[] { p.line(), p.field() }, locale),
						GazetteerApiController.message(messages, p, locale)));
			}
			throw new InvalidInputException(messages.getMessage("gazetteer.refused", new Object[] { e.total }, locale),
					errors);
		}
	}

	private static String baseName(String fileName) {
		if (fileName == null) {
			return null;
		}
		String s = fileName.replaceAll(".*[/\\\\]", "");
		int dot = s.indexOf('.');
		return (dot > 0 ? s.substring(0, dot) : s).strip();
	}
}
