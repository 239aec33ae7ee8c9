package org.pdistation.creator.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FileIdAllocatorTest {
    @Test
    void idsAreConformantDeterministicAndNeverCollide() {
        FileIdAllocator a = new FileIdAllocator();
        Set<List<String>> seen = new HashSet<>();
        for (int p = 0; p < 3; p++) {
            for (int s = 0; s < 4; s++) {
                for (int i = 0; i < 50; i++) {
                    List<String> id = a.allocate("P" + p, "ST" + p + s, "SE" + p + s + (i % 3), "I" + p + s + i);
                    assertTrue(FileIdAllocator.isValid(id), id.toString());
                    assertTrue(seen.add(id), "collision " + id);
                }
            }
        }
        assertEquals(List.of("DICOM", "P0000001", "S0000001", "S0000001", "I0000001"),
                new FileIdAllocator().allocate("x", "y", "z", "w"));
    }

    @Test
    void theSameInstanceTwiceIsRefused() {
        FileIdAllocator a = new FileIdAllocator();
        a.allocate("p", "s", "e", "i");
        assertThrows(IllegalArgumentException.class, () -> a.allocate("p", "s", "e", "i"));
    }

    @Test
    void componentRulesOfPs310AreEnforced() {
        assertTrue(FileIdAllocator.isValid(List.of("A", "B_1")));
        assertTrue(!FileIdAllocator.isValid(List.of("ABCDEFGHI")));
        assertTrue(!FileIdAllocator.isValid(List.of("abc")));
        assertTrue(!FileIdAllocator.isValid(List.of("A.B")));
        assertTrue(!FileIdAllocator.isValid(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")));
        assertTrue(!FileIdAllocator.isValid(List.of()));
    }
}
