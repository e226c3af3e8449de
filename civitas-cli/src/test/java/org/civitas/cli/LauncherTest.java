package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code civitas} launcher at the repository root. */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "civitas");
    private static final Pattern COMPILE_COMMAND = Pattern.compile("-XX:CompileCommand=\\w+,([\\w.$]+)::(\\w+)");

    /** A renamed method would leave its JIT option silently without effect. */
    @Test
    void everyMethodTheLauncherNamesToTheCompilerExists() throws Exception {
        Matcher options = COMPILE_COMMAND.matcher(Files.readString(LAUNCHER));
        List<String> named = new ArrayList<>();
        while (options.find()) {
            String type = options.group(1);
            String method = options.group(2);
            named.add(type + "::" + method);
            Method[] methods = Class.forName(type).getDeclaredMethods();
            assertThat(Arrays.stream(methods).map(Method::getName)).as(type).contains(method);
        }
        assertThat(named).isNotEmpty();
    }
}
