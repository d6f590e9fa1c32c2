package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fvstudio.project.Project;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import org.fvstudio.retarget.BoneGains;
import org.fvstudio.retarget.BoneKind;
import org.fvstudio.retarget.MotionRetarget;
import org.fvstudio.retarget.RetargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fvstudio retarget PROJECT}: Pose ▸ Retarget motion to the character… without the studio; saves the project. */
@Command(name = "retarget", mixinStandardHelpOptions = true,
        description = "Fit the target motion to the character's proportions (from the references' skeletons) and save "
                + "the project; the original motion stays in it, so the retarget can be redone or removed.")
public final class RetargetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs)")
    Path projectDir;

    @Option(names = "--strength", defaultValue = "1", description = "0 keeps the source, 1 the character's proportions (default: ${DEFAULT-VALUE})")
    double strength;

    @Option(names = "--height", defaultValue = "source",
            description = "source: keep the source's height on screen; character: keep the torso, the rest follows the character (default: ${DEFAULT-VALUE})")
    String height;

    @Option(names = "--restore", description = "bring back the motion as it was before the retarget")
    boolean restore;

    @Option(names = "--dry-run", description = "print what the retarget would do without saving")
    boolean dryRun;

    @Override
    public Integer call() {
        ProjectBundle bundle;
        try {
            bundle = ProjectBundle.open(projectDir);
        } catch (IOException | ProjectFormatException e) {
            System.err.println("fvstudio retarget: cannot open project " + projectDir + ": " + e.getMessage());
            return 2;
        }
        Project before = bundle.project();
        Project after;
        try {
            if (restore) {
                if (before.retarget() == null) {
                    System.err.println("fvstudio retarget: " + projectDir + ": the motion is not retargeted, nothing to restore");
                    return 1;
                }
                after = MotionRetarget.restored(before);
                System.out.println("restored the motion as it was before the retarget");
            } else {
                RetargetOptions options = new RetargetOptions(strength, RetargetOptions.Height.fromJson(height));
                MotionRetarget.Result result = MotionRetarget.retarget(before, options);
                print(result);
                after = result.project();
            }
        } catch (IllegalArgumentException | RetargetException e) {
            System.err.println("fvstudio retarget: " + projectDir + ": " + e.getMessage());
            return 2;
        }
        if (dryRun) {
            System.out.println("dry run: " + projectDir + " not changed");
            return 0;
        }
        try {
            bundle.save(after);
        } catch (IOException e) {
            System.err.println("fvstudio retarget: cannot save " + projectDir + ": " + e.getMessage());
            return 1;
        }
        System.out.println("saved " + bundle.projectFile());
        return 0;
    }

    private static void print(MotionRetarget.Result result) {
        System.out.println("character proportions (torso = 1), from the references' skeletons:");
        System.out.print(result.character().describe().indent(2));
        for (int i = 0; i < result.gains().size(); i++) {
            BoneGains gains = result.gains().get(i);
            StringBuilder line = new StringBuilder(result.project().target().people().get(i).name()).append(": bone factors");
            for (BoneKind kind : BoneKind.values()) {
                line.append(String.format(Locale.ROOT, " %s %.3f", kind.name().toLowerCase(Locale.ROOT), gains.of(kind)));
            }
            System.out.println(line);
        }
        System.out.println(result.summary());
    }
}
