package vn.ledger.verify;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * {@code java -jar ledger-verify.jar [--public-key BASE64] BUNDLE.zip}: prints {@code verified N events} and exits 0
 * when every event of the bundle matches its signed checkpoint; otherwise prints why, naming the first event that
 * does not match, and exits 1 (an event or the root differs), 2 (the signature does not verify) or 3 (not a bundle).
 */
public final class Main {

    static final int USAGE = 64;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without {@code System.exit}, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        byte[] trusted = null;
        Path bundle = null;
        for (int i = 0; i < args.length; i++) {
            if ("--public-key".equals(args[i]) && i + 1 < args.length) {
                try {
                    trusted = Base64.getDecoder().decode(args[++i]);
                    Ed25519.publicKey(trusted);
                } catch (IllegalArgumentException e) {
                    err.println("--public-key is the raw 32-byte Ed25519 key in base64");
                    return USAGE;
                }
            } else if (bundle == null && !args[i].startsWith("--")) {
                bundle = Path.of(args[i]);
            } else {
                bundle = null;
                break;
            }
        }
        if (bundle == null) {
            err.println("usage: java -jar ledger-verify.jar [--public-key BASE64] BUNDLE.zip");
            return USAGE;
        }
        if (!Files.isRegularFile(bundle)) {
            err.println("no such file: " + bundle);
            return USAGE;
        }
        BundleVerifier.Verdict verdict = BundleVerifier.verify(bundle, trusted);
        out.println(verdict.message());
        return verdict.outcome().exitCode();
    }
}
