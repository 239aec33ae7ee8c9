package org.pdistation.viewer;

/** Entry point of pdistation.jar: a subcommand runs headless; no arguments will start the station. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("pdistation: no command yet");
    }
}
