package gongkai.serve;

/** The live-reload snippet the dev server adds to HTML responses (never to files on disk). */
final class LiveReload {
    static final String SCRIPT = "<script>(function(){var v=null;function poll(){fetch('" + DevServer.VERSION_PATH
            + "',{cache:'no-store'}).then(function(r){return r.text();}).then(function(t){if(v===null){v=t;}"
            + "else if(t!==v){location.reload();}}).catch(function(){}).then(function(){setTimeout(poll,1000);});}"
            + "poll();})();</script>";

    private LiveReload() {
    }

    static String inject(String html) {
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + SCRIPT : html.substring(0, end) + SCRIPT + "\n" + html.substring(end);
    }
}
