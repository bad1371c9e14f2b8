package org.sharpscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharpscope.run.Json;
import org.sharpscope.study.Specs;

/**
 * With Spark's jars on the class path, jackson-module-scala among them, the program's mappers
 * still read YAML lists as Java lists: a cell resumed on an executor re-binds its config.yaml
 * (train's synthetic-shape: [3, 8, 8]) as it was written.
 */
class MappersUnderSparkTest {
    @TempDir
    Path tmp;

    @Test
    void yamlListsStayJavaListsWithSparksJacksonModuleOnTheClassPath() throws Exception {
        assertThat(ServiceLoader.load(Module.class).stream().map(p -> p.type().getName()))
                .as("Spark's Scala module is on this class path").contains("com.fasterxml.jackson.module.scala.DefaultScalaModule");
        Path config = Files.writeString(tmp.resolve("config.yaml"), "synthetic-shape:\n- 3\n- 8\n- 8\nr: 3.2\n");
        Map<String, Object> read = Specs.readYaml(config);
        assertThat(read.get("synthetic-shape")).isInstanceOf(List.class).isEqualTo(List.of(3, 8, 8));
        assertThat(Json.JSON.readValue("{\"a\": [1, 2]}", Map.class).get("a")).isInstanceOf(List.class);
    }
}
