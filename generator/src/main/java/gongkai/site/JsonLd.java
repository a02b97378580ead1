package gongkai.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** schema.org {@code Dataset} JSON-LD for pages whose data can be downloaded. */
public final class JsonLd {
    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    /** A download of the dataset: absolute URL and media type. */
    public record Distribution(String url, String encodingFormat, String name) {
    }

    private JsonLd() {
    }

    public static String dataset(String name, String description, String url, String licenceUrl, String creator,
                                 String publisher, String temporalCoverage, List<Distribution> distributions) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "Dataset");
        json.put("name", name);
        json.put("description", description);
        json.put("url", url);
        if (licenceUrl != null) {
            json.put("license", licenceUrl);
        }
        json.put("isAccessibleForFree", true);
        json.put("inLanguage", "zh-CN");
        json.put("creator", organization(creator));
        json.put("publisher", organization(publisher));
        if (temporalCoverage != null) {
            json.put("temporalCoverage", temporalCoverage);
        }
        List<Map<String, Object>> dist = new ArrayList<>();
        for (Distribution d : distributions) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "DataDownload");
            item.put("name", d.name());
            item.put("encodingFormat", d.encodingFormat());
            item.put("contentUrl", d.url());
            dist.add(item);
        }
        json.put("distribution", dist);
        try {
            // "<" cannot appear outside strings in JSON; escaping it keeps "</script>" out of the page.
            return WRITER.writeValueAsString(json)
                    .replace("<", "\\u003c").replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD of " + url, e);
        }
    }

    private static Map<String, Object> organization(String name) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "Organization");
        org.put("name", name);
        return org;
    }
}
