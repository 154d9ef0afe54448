package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A user's pattern for facts hidden in a column (a Java regular expression whose named groups are
 * {@link DerivedField}s), checked before any row is read: it must compile, be of reasonable length, name
 * only known fields, and not take exponential time on short text. Matching is bounded per cell as well,
 * so a pattern that slips through the check cannot hang an import: a cell it cannot settle in
 * {@link #STEPS_PER_CELL} character reads gives up with {@link TooSlow}.
 */
final class FieldPattern {

	static final int MAX_LENGTH = 300;

	/** Only so much of a cell is searched: names and notes are short; the rest would only feed backtracking. */
	static final int MAX_CELL = 300;

	static final long STEPS_PER_CELL = 2_000_000;

	/** Group names: a letter then letters or digits (Java's rule). */
	private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

	private final String source;

	private final Pattern pattern;

	private final List<DerivedField> fields;

	private FieldPattern(String source, Pattern pattern, List<DerivedField> fields) {
		this.source = source;
		this.pattern = pattern;
		this.fields = fields;
	}

	/** Thrown when a cell takes more than its step budget; the pattern backtracks catastrophically on it. */
	static final class TooSlow extends RuntimeException {

		TooSlow() {
			super("pattern too slow", null, false, false);
		}
	}

	/**
	 * @throws BadValue {@code import.derive.pattern.*}: empty, too long, not compiling (with the regex error
	 *         and its position), without a field group, with a group that names no field, or too slow
	 */
	static FieldPattern compile(String source) throws BadValue {
		if (source == null || source.isBlank()) {
			throw new BadValue("import.derive.pattern.empty");
		}
		if (source.length() > MAX_LENGTH) {
			throw new BadValue("import.derive.pattern.tooLong", source.length(), MAX_LENGTH);
		}
		if (Values.hasControlCharacters(source)) {
			throw new BadValue("import.derive.pattern.controlCharacters");
		}
		Pattern pattern;
		try {
			pattern = Pattern.compile(source);
		}
		catch (PatternSyntaxException e) {
			throw new BadValue("import.derive.pattern.syntax", source, e.getDescription(), Math.max(0, e.getIndex()) + 1);
		}
		catch (RuntimeException | StackOverflowError e) {
			throw new BadValue("import.derive.pattern.syntax", source, String.valueOf(e.getMessage()), 1);
		}
		List<DerivedField> fields = new ArrayList<>();
		for (String group : groupNames(source)) {
			DerivedField f = DerivedField.ofGroup(group);
			if (f == null) {
				throw new BadValue("import.derive.pattern.unknownGroup", group,
						Arrays.stream(DerivedField.values()).map(DerivedField::groupName).toList());
			}
			fields.add(f);
		}
		if (fields.isEmpty()) {
			throw new BadValue("import.derive.pattern.noGroup",
					Arrays.stream(DerivedField.values()).map(DerivedField::groupName).toList());
		}
		FieldPattern compiled = new FieldPattern(source, pattern, List.copyOf(fields));
		compiled.refuseIfExponential();
		return compiled;
	}

	/**
	 * The names of the pattern's named groups, in order. Java 17 has no API for them, so the pattern is
	 * scanned: escapes, character classes and quoted sections ({@code \Q...\E}) are skipped.
	 */
	static List<String> groupNames(String regex) {
		Set<String> names = new LinkedHashSet<>();
		int classDepth = 0;
		for (int i = 0; i < regex.length(); i++) {
			char c = regex.charAt(i);
			if (c == '\\') {
				if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
					int end = regex.indexOf("\\E", i + 2);
					i = end < 0 ? regex.length() : end + 1;
				}
				else {
					i++;
				}
			}
			else if (c == '[') {
				classDepth++;
			}
			else if (c == ']' && classDepth > 0) {
				classDepth--;
			}
			else if (classDepth == 0 && c == '(' && regex.startsWith("?<", i + 1) && i + 3 < regex.length()
					&& regex.charAt(i + 3) != '=' && regex.charAt(i + 3) != '!') {
				int end = regex.indexOf('>', i + 3);
				if (end > 0) {
					String name = regex.substring(i + 3, end);
					if (GROUP_NAME.matcher(name).matches()) {
						names.add(name);
					}
				}
			}
		}
		return List.copyOf(names);
	}

	/**
	 * Runs the pattern over short runs of one character with a character that breaks the match at the end:
	 * where nested quantifiers ({@code (a+)+$}) make a regex engine backtrack exponentially, this is where it
	 * shows, and the step budget turns it into a refusal before any row is read.
	 */
	private void refuseIfExponential() throws BadValue {
		Set<Character> probes = new LinkedHashSet<>(List.of('a', '1', '東', '路', ' ', '-', '.', 'A'));
		for (char c : source.toCharArray()) {
			if (probes.size() >= 20) {
				break;
			}
			if (Character.isLetterOrDigit(c)) {
				probes.add(c);
			}
		}
		for (char c : probes) {
			String run = String.valueOf(c).repeat(40);
			for (String text : List.of(run + "!", run + "\u3000", run + "9")) {
				try {
					find(text);
				}
				catch (TooSlow e) {
					throw new BadValue("import.derive.pattern.tooSlow", source);
				}
			}
		}
	}

	String source() {
		return source;
	}

	List<DerivedField> fields() {
		return fields;
	}

	/**
	 * The text of each field group at the first match in the (already folded) cell; empty when nothing
	 * matches or the groups are empty.
	 *
	 * @throws TooSlow when the cell needs more than the step budget
	 */
	Map<DerivedField, String> find(String cell) {
		Map<DerivedField, String> found = new EnumMap<>(DerivedField.class);
		if (cell == null || cell.isEmpty()) {
			return found;
		}
		String text = cell.length() > MAX_CELL ? cell.substring(0, MAX_CELL) : cell;
		Matcher m = pattern.matcher(new Bounded(text, STEPS_PER_CELL));
		try {
			if (!m.find()) {
				return found;
			}
		}
		catch (StackOverflowError e) {
			// deep recursion in the regex engine: as bad as too many steps
			throw new TooSlow();
		}
		for (DerivedField f : fields) {
			String value = m.group(f.groupName());
			if (value != null && !value.isBlank()) {
				found.put(f, value.strip());
			}
		}
		return found;
	}

	@Override
	public String toString() {
		return source;
	}

	/** Text that counts the reads of a matcher and stops it after a budget. */
	private static final class Bounded implements CharSequence {

		private final String text;

		private long left;

		Bounded(String text, long budget) {
			this.text = text;
			this.left = budget;
		}

		@Override
		public char charAt(int index) {
			if (--left < 0) {
				throw new TooSlow();
			}
			return text.charAt(index);
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return text.substring(start, end);
		}

		@Override
		public String toString() {
			return text;
		}
	}
}
