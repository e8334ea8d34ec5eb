package cn.jiaxiao.provisioning.roster;

/** Told how far an import has got, so that the user sees it move on a file of thousands of lines. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase {@code parse}, {@code validate}, {@code plan}, {@code students}, {@code guardians} or
     *              {@code links}
     */
    void progress(String phase, int done, int total);
}
