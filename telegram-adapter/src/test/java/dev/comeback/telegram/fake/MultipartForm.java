package dev.comeback.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of multipart/form-data to read the text fields and the files of a TelegramBots upload. */
final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private MultipartForm() {
    }

    static boolean matches(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("multipart/form-data");
    }

    /** Text fields by name, in order; parts that carry a file are left out. */
    static Map<String, String> textFields(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new IllegalArgumentException("multipart without boundary: " + contentType);
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so we can split as text and re-decode values as UTF-8.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : raw.split("--" + Pattern.quote(boundary.group(1)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue; // preamble or the closing "--"
            }
            String headers = part.substring(0, headersEnd);
            Matcher name = NAME.matcher(headers);
            if (!name.find() || FILENAME.matcher(headers).find()) {
                continue;
            }
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            fields.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** A file part: its field name, the file name it was sent under, and its bytes. */
    record FilePart(String field, String fileName, byte[] bytes) {
    }

    /** File parts by field name, in order. */
    static Map<String, FilePart> files(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new IllegalArgumentException("multipart without boundary: " + contentType);
        }
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, FilePart> files = new LinkedHashMap<>();
        for (String part : raw.split("--" + Pattern.quote(boundary.group(1)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            Matcher name = NAME.matcher(headers);
            Matcher fileName = FILENAME.matcher(headers);
            if (!name.find() || !fileName.find()) {
                continue;
            }
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            files.put(name.group(1), new FilePart(name.group(1), fileName.group(1), value.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return files;
    }
}
