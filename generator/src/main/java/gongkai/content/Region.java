package gongkai.content;

/**
 * A region (地区), described in {@code content/<slug>/region.yaml}.
 *
 * @param slug   folder name and URL segment, ASCII (tianjin, binhai, hengshui)
 * @param name   Chinese name (天津市)
 * @param parent slug of the enclosing region, or null
 */
public record Region(String slug, String name, String parent) {
}
