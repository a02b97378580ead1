package gongkai.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.content.SiteConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * data/datapackage.json: a Frictionless Tabular Data Package (v1) describing the canonical CSVs under
 * data/ with their schemas, keys, sizes and SHA-256 hashes. The -excel.csv twins are not resources
 * (the same records behind a BOM and a header of the fields' titles); the description says so.
 */
final class DataPackage {
    static final String NAME = "gongkai";
    private static final Pattern LICENCE_ID = Pattern.compile("[-a-zA-Z0-9._]+");

    private final SiteConfig site;
    /** The content's last change (yyyy-mm-dd, from git), or null. */
    private final String contentDate;
    private final List<ObjectNode> resources = new ArrayList<>();
    /** "path sha256" of every resource, in order: the data's fingerprint for {@code version}. */
    private final StringBuilder fingerprint = new StringBuilder();
    /** document file name → title, sorted by file name. */
    private final TreeMap<String, String> sources = new TreeMap<>();

    DataPackage(SiteConfig site, String contentDate) {
        this.site = site;
        this.contentDate = contentDate;
    }

    void addSource(String title, String document) {
        sources.putIfAbsent(document, title);
    }

    void add(Resource r, WrittenFile file) {
        ObjectNode node = Json.object();
        node.put("profile", "tabular-data-resource");
        node.put("name", r.name());
        node.put("path", file.path().substring(file.path().lastIndexOf('/') + 1));
        node.put("title", r.title());
        node.put("description", r.description());
        node.put("format", "csv");
        node.put("mediatype", "text/csv");
        node.put("encoding", "utf-8");
        ObjectNode dialect = node.putObject("dialect");
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\r\n");
        dialect.put("quoteChar", "\"");
        dialect.put("doubleQuote", true);
        dialect.put("header", true);
        node.put("bytes", file.bytes());
        node.put("hash", "sha256:" + file.sha256());
        fingerprint.append(file.path()).append(' ').append(file.sha256()).append('\n');
        ObjectNode schema = node.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (Field f : r.fields()) {
            ObjectNode fn = fields.addObject();
            fn.put("name", f.name());
            fn.put("type", f.type().tableSchemaName());
            fn.put("title", f.title());
            fn.put("description", f.description());
            if (r.primaryKey().contains(f.name())) {
                fn.putObject("constraints").put("required", true);
            }
        }
        schema.putArray("missingValues").add("");
        if (!r.primaryKey().isEmpty()) {
            ArrayNode pk = schema.putArray("primaryKey");
            r.primaryKey().forEach(pk::add);
        }
        if (!r.foreignKeys().isEmpty()) {
            ArrayNode fks = schema.putArray("foreignKeys");
            for (Resource.ForeignKey fk : r.foreignKeys()) {
                ObjectNode fkn = fks.addObject();
                ArrayNode from = fkn.putArray("fields");
                fk.fields().forEach(from::add);
                ObjectNode ref = fkn.putObject("reference");
                ref.put("resource", fk.resource());
                ArrayNode to = ref.putArray("fields");
                fk.referenceFields().forEach(to::add);
            }
        }
        resources.add(node);
    }

    /** First 8 hex digits of SHA-256 over the resources' paths and hashes. */
    String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(fingerprint.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A citable data version, the same for the same data (no build time in it): the content's last commit day and the
     * first 8 hex digits of a SHA-256 over every resource's hash — any changed figure changes it. Pages quote it.
     */
    String version() {
        return (contentDate == null ? "undated" : contentDate) + "." + fingerprint();
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("profile", "tabular-data-package");
        node.put("name", NAME);
        node.put("title", site.title());
        node.put("description", (site.description() == null ? "" : site.description() + "\n\n")
                + "每个 CSV 文件另有同名的 -excel.csv 版本（如 projects-excel.csv），供 Excel 直接打开：开头多一个 UTF-8 BOM，"
                + "表头是各列的中文标题（即下面 schema 中的 title），其后各行与本文件描述的规范版本逐字节相同；它们不单独列为资源。"
                + "文本列中以 = + - @ 制表符 回车 开头的单元格前加了一个单引号（防止电子表格公式注入），读取时去掉即可，规则见数据说明页。"
                + "金额为精确小数：*_printed 为原文数字（单位见 budget_unit），*_yuan 为换算成元的值。");
        node.put("homepage", site.baseUrl());
        node.put("version", version());
        if (contentDate != null) {
            // Frictionless wants an RFC 3339 date-time; the content is dated to the day (git commit day, UTC midnight)
            node.put("created", contentDate + "T00:00:00Z");
        }
        if (site.licence() != null || site.licenceUrl() != null) {
            ObjectNode licence = node.putArray("licenses").addObject();
            String id = site.licence() == null ? null : site.licence().trim().replaceAll("\\s+", "-");
            if (id != null && LICENCE_ID.matcher(id).matches()) {
                licence.put("name", id);
            }
            if (site.licenceUrl() != null) {
                licence.put("path", site.licenceUrl());
            }
            if (site.licence() != null) {
                licence.put("title", site.licence());
            }
        }
        if (!sources.isEmpty()) {
            ArrayNode list = node.putArray("sources");
            sources.forEach((document, title) -> list.addObject().put("title", title + "（来源文件 " + document + "）"));
        }
        ArrayNode list = node.putArray("resources");
        resources.forEach(list::add);
        return node;
    }
}
