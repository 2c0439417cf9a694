package io.epochdb.bench.tsbs;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Random;

/**
 * One simulated machine's tags, fixed for its life, drawn like TSBS's {@code devops.NewHostCPUOnly}: a region and one
 * of its datacenters, rack 0..99, service 0..19, service version 0..1, and os/arch/team/environment from fixed lists.
 */
public record Host(String hostname, String region, String datacenter, String rack, String os, String arch,
                   String team, String service, String serviceVersion, String serviceEnvironment) {
    /** Tag column names in TSBS order. */
    public static final List<String> TAG_NAMES = List.of("hostname", "region", "datacenter", "rack", "os", "arch",
        "team", "service", "service_version", "service_environment");

    /** TSBS's regions, each with its datacenters (pkg/data/usecases/devops/host.go). */
    static final List<List<String>> REGIONS = List.of(
        List.of("us-east-1", "us-east-1a", "us-east-1b", "us-east-1c", "us-east-1e"),
        List.of("us-west-1", "us-west-1a", "us-west-1b"),
        List.of("us-west-2", "us-west-2a", "us-west-2b", "us-west-2c"),
        List.of("eu-west-1", "eu-west-1a", "eu-west-1b", "eu-west-1c"),
        List.of("eu-central-1", "eu-central-1a", "eu-central-1b"),
        List.of("ap-southeast-1", "ap-southeast-1a", "ap-southeast-1b"),
        List.of("ap-southeast-2", "ap-southeast-2a", "ap-southeast-2b"),
        List.of("ap-northeast-1", "ap-northeast-1a", "ap-northeast-1c"),
        List.of("sa-east-1", "sa-east-1a", "sa-east-1b", "sa-east-1c"));
    static final List<String> TEAMS = List.of("SF", "NYC", "LON", "CHI");
    static final List<String> OSES = List.of("Ubuntu16.10", "Ubuntu16.04LTS", "Ubuntu15.10");
    static final List<String> ARCHES = List.of("x64", "x86");
    static final List<String> ENVIRONMENTS = List.of("production", "staging", "test");
    private static final int RACKS_PER_DATACENTER = 100;
    private static final int SERVICES = 20;
    private static final int SERVICE_VERSIONS = 2;

    public Host {
        requireNonNull(hostname, "hostname");
        requireNonNull(region, "region");
        requireNonNull(datacenter, "datacenter");
        requireNonNull(rack, "rack");
        requireNonNull(os, "os");
        requireNonNull(arch, "arch");
        requireNonNull(team, "team");
        requireNonNull(service, "service");
        requireNonNull(serviceVersion, "serviceVersion");
        requireNonNull(serviceEnvironment, "serviceEnvironment");
    }

    /** Host {@code host_<id>} with tags drawn from {@code random} in TSBS's order of draws. */
    static Host random(int id, Random random) {
        List<String> region = REGIONS.get(random.nextInt(REGIONS.size()));
        String datacenter = region.get(1 + random.nextInt(region.size() - 1));
        String rack = Integer.toString(random.nextInt(RACKS_PER_DATACENTER));
        String arch = ARCHES.get(random.nextInt(ARCHES.size()));
        String os = OSES.get(random.nextInt(OSES.size()));
        String service = Integer.toString(random.nextInt(SERVICES));
        String serviceVersion = Integer.toString(random.nextInt(SERVICE_VERSIONS));
        String environment = ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()));
        String team = TEAMS.get(random.nextInt(TEAMS.size()));
        return new Host("host_" + id, region.get(0), datacenter, rack, os, arch, team, service, serviceVersion,
            environment);
    }

    /** The tag values in {@link #TAG_NAMES} order. */
    public List<String> tags() {
        return List.of(hostname, region, datacenter, rack, os, arch, team, service, serviceVersion, serviceEnvironment);
    }
}
