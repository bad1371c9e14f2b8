package org.sharpscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML report: sections of text, tables and figures, with every figure inlined
 * (PNG as a data URI), so the file opens anywhere without network access.
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> toc = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    /** Starts a section with an anchor id (listed in the table of contents). */
    public HtmlReport section(String id, String heading) {
        toc.add(new String[] {id, heading});
        body.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(heading)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph with a CSS class ({@code warning} renders as a highlighted box). */
    public HtmlReport note(String cssClass, String text) {
        body.append("<p class=\"").append(escape(cssClass)).append("\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Inlines the PNG file at {@code png} with a caption; a missing file is reported in place. */
    public HtmlReport figure(Path png, String caption) {
        if (!Files.isRegularFile(png)) {
            body.append("<p class=\"warning\">missing figure: ").append(escape(png.toString())).append("</p>\n");
            return this;
        }
        try {
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
            body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                    .append(data).append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read figure " + png + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** A table; cells that read exactly "agree", "disagree" or "untested" are coloured. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<thead><tr>");
        for (String h : header) body.append("<th>").append(escape(h)).append("</th>");
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                String cls = switch (cell) {
                    case "agree" -> " class=\"agree\"";
                    case "disagree" -> " class=\"disagree\"";
                    case "untested" -> " class=\"untested\"";
                    default -> "";
                };
                body.append("<td").append(cls).append(">").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    public String render() {
        StringBuilder sb = new StringBuilder(body.length() + 4096);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;background:#fff}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}\n")
                .append("th{background:#f0f0f0}.agree{background:#d9f2d9}.disagree{background:#f8d0d0}.untested{background:#f3ecc8}\n")
                .append("figure{margin:1em 0}img{max-width:100%;border:1px solid #eee}figcaption{color:#555;font-size:90%}\n")
                .append(".warning{background:#fff3cd;border:1px solid #e0c060;padding:6px}\n")
                .append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<nav><ol>\n");
        for (String[] e : toc) {
            sb.append("<li><a href=\"#").append(escape(e[0])).append("\">").append(escape(e[1])).append("</a></li>\n");
        }
        sb.append("</ol></nav>\n").append(body).append("</body></html>\n");
        return sb.toString();
    }

    public byte[] renderBytes() {
        return render().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
