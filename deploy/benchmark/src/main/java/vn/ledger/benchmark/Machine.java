package vn.ledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark ran on. */
final class Machine {

    int cores;
    String cpu = "?";
    long memoryMb;
    String java;
    String os;
    String load = "?";
    String postgres = "?";

    static Machine describe() {
        Machine m = new Machine();
        m.cores = Runtime.getRuntime().availableProcessors();
        m.java = System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
        m.os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.memoryMb = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            m.load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return m;
    }
}
