package dev.comeback.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the numbers were measured on. */
public record Machine(int cores, long memoryBytes, String cpu, String jvm, String os) {
    public static Machine current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, cpuModel().orElse("unknown CPU"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GB RAM, %s, %s", cores, cpu,
                memoryBytes / (1024.0 * 1024 * 1024), jvm, os);
    }
}
