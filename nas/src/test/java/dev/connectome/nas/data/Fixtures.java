package dev.connectome.nas.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the committed fixtures under src/test/resources/data (made by nas/scripts/make_test_fixtures.py). */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String rel) {
        URL url = Fixtures.class.getResource("/data/" + rel);
        if (url == null) {
            throw new IllegalStateException("missing test fixture data/" + rel);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
