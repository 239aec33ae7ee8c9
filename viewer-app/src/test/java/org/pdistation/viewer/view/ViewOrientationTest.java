package org.pdistation.viewer.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewOrientationTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    @Test
    void markersFollowRotationAndFlips() {
        assertArrayEquals(new String[] {"A", "L", "P", "R"}, OrientationLetters.edges(AXIAL, ViewOrientation.IDENTITY));
        // Turned clockwise: what was on the left (R) is now at the top.
        assertArrayEquals(new String[] {"R", "A", "L", "P"},
                OrientationLetters.edges(AXIAL, ViewOrientation.IDENTITY.rotateRight()));
        assertArrayEquals(new String[] {"L", "P", "R", "A"},
                OrientationLetters.edges(AXIAL, ViewOrientation.IDENTITY.rotateLeft()));
        assertArrayEquals(new String[] {"A", "R", "P", "L"},
                OrientationLetters.edges(AXIAL, ViewOrientation.IDENTITY.flipHorizontal()));
        assertArrayEquals(new String[] {"P", "L", "A", "R"},
                OrientationLetters.edges(AXIAL, ViewOrientation.IDENTITY.flipVertical()));
    }

    @Test
    void fourQuarterTurnsAndTwoFlipsAreTheIdentity() {
        ViewOrientation o = ViewOrientation.IDENTITY;
        for (int i = 0; i < 4; i++) o = o.rotateRight();
        assertEquals(ViewOrientation.IDENTITY, o);
        assertEquals(ViewOrientation.IDENTITY, o.flipHorizontal().flipHorizontal());
        assertEquals(ViewOrientation.IDENTITY, o.rotateLeft().rotateRight());
    }

    @Test
    void scaleBarLengthsAreRound() {
        assertEquals(50, ScaleBar.niceLength(73));
        assertEquals(20, ScaleBar.niceLength(20));
        assertEquals(0.5, ScaleBar.niceLength(0.9), 1e-12);
    }
}
