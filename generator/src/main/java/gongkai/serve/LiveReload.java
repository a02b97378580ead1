package gongkai.serve;

import gongkai.content.Lang;

/**
 * The live-reload snippet the dev server adds to HTML responses (never to files on disk). It polls the version
 * once a second; when the version moves (or on the first poll) it asks for the last rebuild's failure: none →
 * reload (the site changed), some → show it over the page in a dialog until a rebuild succeeds. The message is
 * set as text, never as HTML: it quotes content files.
 */
final class LiveReload {
    /** The overlay's element id (tests look for it). */
    static final String OVERLAY_ID = "gongkai-build-failure";

    /** The snippet for a Chinese session. */
    static final String SCRIPT = script(Lang.ZH);

    /** The snippet whose overlay speaks {@code lang}, as the terminal of the session does. */
    static String script(Lang lang) {
        boolean en = lang == Lang.EN;
        return "<script>(function(){var v=null;"
            + "function show(t){var o=document.getElementById('" + OVERLAY_ID + "');"
            + "if(!o){o=document.createElement('div');o.id='" + OVERLAY_ID + "';o.setAttribute('role','alertdialog');"
            + "o.setAttribute('aria-modal','true');o.setAttribute('aria-labelledby','" + OVERLAY_ID + "-title');"
            + "o.setAttribute('lang','" + (en ? "en" : "zh-CN") + "');"
            + "o.style.cssText='position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#1a1a1a;"
            + "padding:1rem;font:16px/1.6 system-ui,sans-serif;border-top:6px solid #b00020;box-sizing:border-box';"
            + "var h=document.createElement('h2');h.id='" + OVERLAY_ID + "-title';h.style.cssText='color:#b00020;margin:0 0 .5rem';"
            + "h.textContent='" + (en ? "The build failed: the preview still shows the last site that built"
                    : "构建失败，预览仍是上一次成功构建的网站") + "';"
            + "var p=document.createElement('p');p.style.margin='0 0 .75rem';"
            + "p.textContent='" + (en ? "Correct the file as the message below says and save it; this page reloads "
                    + "by itself once it is fixed." : "按下面的说明改正并保存文件，修好后本页会自动刷新。") + "';"
            + "var m=document.createElement('pre');m.className='message';"
            + "m.style.cssText='white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf0f1;padding:.75rem;margin:0 0 .75rem;"
            + "font:15px/1.6 ui-monospace,monospace';"
            + "var b=document.createElement('button');b.type='button';b.textContent='" + (en ? "Close for now" : "暂时关闭") + "';"
            + "b.style.cssText='font:inherit;padding:.5rem 1rem;min-height:44px';"
            + "b.onclick=function(){o.hidden=true;};"
            + "o.appendChild(h);o.appendChild(p);o.appendChild(m);o.appendChild(b);document.body.appendChild(o);b.focus();}"
            + "o.querySelector('.message').textContent=t;o.hidden=false;}"
            + "function poll(){fetch('" + DevServer.VERSION_PATH + "',{cache:'no-store'}).then(function(r){return r.text();})"
            + ".then(function(t){var first=v===null,moved=!first&&t!==v;v=t;if(!first&&!moved){return;}"
            + "return fetch('" + DevServer.FAILURE_PATH + "',{cache:'no-store'}).then(function(r){return r.text();})"
            + ".then(function(f){if(f){show(f);}else if(moved){location.reload();}});})"
            + ".catch(function(){}).then(function(){setTimeout(poll,1000);});}"
            + "poll();})();</script>";
    }

    private LiveReload() {
    }

    static String inject(String html, String script) {
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + script : html.substring(0, end) + script + "\n" + html.substring(end);
    }
}
