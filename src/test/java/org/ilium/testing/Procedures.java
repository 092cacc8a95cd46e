package org.ilium.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operative records as request bodies, for tests of surgery and of what hangs on it. */
public final class Procedures {
    private Procedures() {
    }

    /** A left MIS lateral transiliac fusion with three triangular transfixing implants, coded 27279. */
    public static Map<String, Object> misLateral(String date) {
        Map<String, Object> implant = new LinkedHashMap<>();
        implant.put("manufacturer", "SI-BONE");
        implant.put("model", "iFuse-3D");
        implant.put("count", 3);
        implant.put("sizes", List.of("7.0x45", "7.0x40", "7.0x35"));
        implant.put("udi", "(01)00643169007222(17)280101(10)LOT42");
        implant.put("transfixing", true);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("date", date);
        p.put("surgeon", "Dr. Ada Stone");
        p.put("side", "left");
        p.put("approach", "mis_lateral_transiliac");
        p.put("implants", List.of(implant));
        p.put("anaesthesia", "general");
        p.put("operativeMinutes", 62);
        p.put("bloodLossMl", 40);
        p.put("lengthOfStayDays", 0);
        p.put("siteOfService", "ambulatory_surgery_center");
        p.put("steps", List.of("positioning", "fluoroscopy_views", "incision", "guide_pin", "drilling", "broaching",
                "implant_placement", "irrigation", "closure"));
        p.put("cpt", "27279");
        return p;
    }
}
