package org.ilium.interop.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Device;
import org.ilium.surgery.domain.Implant;

/**
 * Implants as Devices, one per piece placed (an implant line of three screws gives three Devices, each with its size
 * when the sizes are listed one per piece). Ids derive from the procedure's id and the piece's position, so they stay
 * the same from one export to the next.
 */
final class DeviceMapper {
    private static final Pattern GS1_DI = Pattern.compile("^(?:\\(01\\)|01)(\\d{14}).*$");

    private DeviceMapper() {
    }

    /** The devices of one procedure, in the order of its implant lines and pieces. */
    static List<Device> map(UUID procedureId, List<Implant> implants, UUID patientId) {
        List<Device> out = new ArrayList<>();
        for (int line = 0; line < implants.size(); line++) {
            Implant implant = implants.get(line);
            int pieces = Math.max(1, implant.count());
            for (int piece = 0; piece < pieces; piece++) {
                String size = implant.sizes().size() == pieces ? implant.sizes().get(piece)
                        : implant.sizes().isEmpty() ? null : String.join(", ", implant.sizes());
                out.add(device(id(procedureId, line, piece), implant, size, patientId));
            }
        }
        return out;
    }

    static String id(UUID procedureId, int line, int piece) {
        return Fhir.derivedId(procedureId, "implant/" + line + "/" + piece);
    }

    static Device device(String id, Implant implant, String size, UUID patientId) {
        Device d = new Device();
        d.setId(id);
        d.setStatus(Device.FHIRDeviceStatus.ACTIVE);
        if (implant.manufacturer() != null) {
            d.setManufacturer(implant.manufacturer());
        }
        if (implant.model() != null) {
            d.addDeviceName().setName(implant.model()).setType(Device.DeviceNameType.MODELNAME);
            d.setModelNumber(implant.model());
        }
        d.setType(Fhir.text(implant.transfixing() ? "Sacroiliac joint fusion implant, transfixing" : "Sacroiliac joint fusion implant"));
        if (size != null) {
            d.addProperty().setType(Fhir.text("size")).addValueCode(Fhir.text(size));
        }
        if (implant.udi() != null) {
            Device.DeviceUdiCarrierComponent udi = d.addUdiCarrier().setCarrierHRF(implant.udi());
            Matcher gs1 = GS1_DI.matcher(implant.udi());
            if (gs1.matches()) {
                udi.setDeviceIdentifier(gs1.group(1)).setIssuer("http://hl7.org/fhir/NamingSystem/gs1-di");
            } else if (implant.udi().startsWith("+")) {
                udi.setIssuer("http://hl7.org/fhir/NamingSystem/hibcc-dI");
            }
        }
        d.setPatient(Fhir.ref("Patient", patientId));
        return d;
    }
}
