package dev.connectome.nas.cell;

import java.util.Locale;

/** The three NAS-Bench-201 datasets with a column in the accuracy table. */
public enum Nb201Dataset {
    /** CIFAR-10, ori-test after training on train+valid. */
    CIFAR10("cifar10"),
    /** CIFAR-100, x-test. */
    CIFAR100("cifar100"),
    /** ImageNet16-120, x-test. */
    IMAGENET16("imagenet");

    private final String id;

    Nb201Dataset(String id) {
        this.id = id;
    }

    /** Name used on the command line and in metrics ("cifar10", "cifar100", "imagenet"). */
    public String id() {
        return id;
    }

    /** Parses cifar10, cifar100, imagenet (also imagenet16, imagenet16-120), case-insensitively. */
    public static Nb201Dataset parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "cifar10", "cifar-10" -> CIFAR10;
            case "cifar100", "cifar-100" -> CIFAR100;
            case "imagenet", "imagenet16", "imagenet16-120" -> IMAGENET16;
            default -> throw new IllegalArgumentException(
                    "unknown NB201 dataset '" + text + "' (expected cifar10, cifar100 or imagenet)");
        };
    }
}
