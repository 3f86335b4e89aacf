package be.ebox.access;

import be.ebox.registry.EnterpriseNumber;

public record EnterpriseRole(EnterpriseNumber enterprise, Role role) {
}
