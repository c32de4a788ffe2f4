import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace cluster {

    interface IHealthCheckRequest extends cluster.HealthCheckRequest.$Properties {
    }

    class HealthCheckRequest {
        constructor(properties?: cluster.HealthCheckRequest.$Properties);
        $unknowns?: Uint8Array[];
        waitTimeout?: (google.protobuf.Duration.$Properties|null);
        clusterInfo?: (cluster.ClusterInfo.$Properties|null);
        static create(properties: cluster.HealthCheckRequest.$Shape): cluster.HealthCheckRequest & cluster.HealthCheckRequest.$Shape;
        static create(properties?: cluster.HealthCheckRequest.$Properties): cluster.HealthCheckRequest;
        static encode(message: cluster.HealthCheckRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cluster.HealthCheckRequest & cluster.HealthCheckRequest.$Shape;
        static fromObject(object: { [k: string]: any }): cluster.HealthCheckRequest;
        static toObject(message: cluster.HealthCheckRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace HealthCheckRequest {
        interface $Properties {
            waitTimeout?: (google.protobuf.Duration.$Properties|null);
            clusterInfo?: (cluster.ClusterInfo.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = cluster.HealthCheckRequest.$Properties;
    }

    interface IClusterInfo extends cluster.ClusterInfo.$Properties {
    }

    class ClusterInfo {
        constructor(properties?: cluster.ClusterInfo.$Properties);
        $unknowns?: Uint8Array[];
        controlPlaneNodes: string[];
        workerNodes: string[];
        forceEndpoint: string;
        static create(properties: cluster.ClusterInfo.$Shape): cluster.ClusterInfo & cluster.ClusterInfo.$Shape;
        static create(properties?: cluster.ClusterInfo.$Properties): cluster.ClusterInfo;
        static encode(message: cluster.ClusterInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cluster.ClusterInfo & cluster.ClusterInfo.$Shape;
        static fromObject(object: { [k: string]: any }): cluster.ClusterInfo;
        static toObject(message: cluster.ClusterInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ClusterInfo {
        interface $Properties {
            controlPlaneNodes?: (string[]|null);
            workerNodes?: (string[]|null);
            forceEndpoint?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = cluster.ClusterInfo.$Properties;
    }

    interface IHealthCheckProgress extends cluster.HealthCheckProgress.$Properties {
    }

    class HealthCheckProgress {
        constructor(properties?: cluster.HealthCheckProgress.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        message: string;
        static create(properties: cluster.HealthCheckProgress.$Shape): cluster.HealthCheckProgress & cluster.HealthCheckProgress.$Shape;
        static create(properties?: cluster.HealthCheckProgress.$Properties): cluster.HealthCheckProgress;
        static encode(message: cluster.HealthCheckProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): cluster.HealthCheckProgress & cluster.HealthCheckProgress.$Shape;
        static fromObject(object: { [k: string]: any }): cluster.HealthCheckProgress;
        static toObject(message: cluster.HealthCheckProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace HealthCheckProgress {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            message?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = cluster.HealthCheckProgress.$Properties;
    }
}

export namespace common {

    enum Code {
        FATAL = 0,
        LOCKED = 1
    }

    interface IError extends common.Error.$Properties {
    }

    class Error {
        constructor(properties?: common.Error.$Properties);
        $unknowns?: Uint8Array[];
        code: common.Code;
        message: string;
        details: google.protobuf.Any.$Properties[];
        static create(properties: common.Error.$Shape): common.Error & common.Error.$Shape;
        static create(properties?: common.Error.$Properties): common.Error;
        static encode(message: common.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): common.Error & common.Error.$Shape;
        static fromObject(object: { [k: string]: any }): common.Error;
        static toObject(message: common.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Error {
        interface $Properties {
            code?: (common.Code|null);
            message?: (string|null);
            details?: (google.protobuf.Any.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = common.Error.$Properties;
    }

    interface IMetadata extends common.Metadata.$Properties {
    }

    class Metadata {
        constructor(properties?: common.Metadata.$Properties);
        $unknowns?: Uint8Array[];
        hostname: string;
        error: string;
        status?: (google.rpc.Status.$Properties|null);
        static create(properties: common.Metadata.$Shape): common.Metadata & common.Metadata.$Shape;
        static create(properties?: common.Metadata.$Properties): common.Metadata;
        static encode(message: common.Metadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): common.Metadata & common.Metadata.$Shape;
        static fromObject(object: { [k: string]: any }): common.Metadata;
        static toObject(message: common.Metadata, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Metadata {
        interface $Properties {
            hostname?: (string|null);
            error?: (string|null);
            status?: (google.rpc.Status.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = common.Metadata.$Properties;
    }

    interface IData extends common.Data.$Properties {
    }

    class Data {
        constructor(properties?: common.Data.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        bytes: Uint8Array;
        static create(properties: common.Data.$Shape): common.Data & common.Data.$Shape;
        static create(properties?: common.Data.$Properties): common.Data;
        static encode(message: common.Data.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): common.Data & common.Data.$Shape;
        static fromObject(object: { [k: string]: any }): common.Data;
        static toObject(message: common.Data, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Data {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            bytes?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = common.Data.$Properties;
    }

    interface IDataResponse extends common.DataResponse.$Properties {
    }

    class DataResponse {
        constructor(properties?: common.DataResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: common.Data.$Properties[];
        static create(properties: common.DataResponse.$Shape): common.DataResponse & common.DataResponse.$Shape;
        static create(properties?: common.DataResponse.$Properties): common.DataResponse;
        static encode(message: common.DataResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): common.DataResponse & common.DataResponse.$Shape;
        static fromObject(object: { [k: string]: any }): common.DataResponse;
        static toObject(message: common.DataResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DataResponse {
        interface $Properties {
            messages?: (common.Data.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = common.DataResponse.$Properties;
    }

    interface IEmpty extends common.Empty.$Properties {
    }

    class Empty {
        constructor(properties?: common.Empty.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: common.Empty.$Shape): common.Empty & common.Empty.$Shape;
        static create(properties?: common.Empty.$Properties): common.Empty;
        static encode(message: common.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): common.Empty & common.Empty.$Shape;
        static fromObject(object: { [k: string]: any }): common.Empty;
        static toObject(message: common.Empty, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Empty {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = common.Empty.$Properties;
    }

    interface IEmptyResponse extends common.EmptyResponse.$Properties {
    }

    class EmptyResponse {
        constructor(properties?: common.EmptyResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: common.Empty.$Properties[];
        static create(properties: common.EmptyResponse.$Shape): common.EmptyResponse & common.EmptyResponse.$Shape;
        static create(properties?: common.EmptyResponse.$Properties): common.EmptyResponse;
        static encode(message: common.EmptyResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): common.EmptyResponse & common.EmptyResponse.$Shape;
        static fromObject(object: { [k: string]: any }): common.EmptyResponse;
        static toObject(message: common.EmptyResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EmptyResponse {
        interface $Properties {
            messages?: (common.Empty.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = common.EmptyResponse.$Properties;
    }

    enum ContainerDriver {
        CONTAINERD = 0,
        CRI = 1
    }
}

export namespace inspect {

    interface IControllerRuntimeDependency extends inspect.ControllerRuntimeDependency.$Properties {
    }

    class ControllerRuntimeDependency {
        constructor(properties?: inspect.ControllerRuntimeDependency.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        edges: inspect.ControllerDependencyEdge.$Properties[];
        static create(properties: inspect.ControllerRuntimeDependency.$Shape): inspect.ControllerRuntimeDependency & inspect.ControllerRuntimeDependency.$Shape;
        static create(properties?: inspect.ControllerRuntimeDependency.$Properties): inspect.ControllerRuntimeDependency;
        static encode(message: inspect.ControllerRuntimeDependency.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inspect.ControllerRuntimeDependency & inspect.ControllerRuntimeDependency.$Shape;
        static fromObject(object: { [k: string]: any }): inspect.ControllerRuntimeDependency;
        static toObject(message: inspect.ControllerRuntimeDependency, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ControllerRuntimeDependency {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            edges?: (inspect.ControllerDependencyEdge.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = inspect.ControllerRuntimeDependency.$Properties;
    }

    interface IControllerRuntimeDependenciesResponse extends inspect.ControllerRuntimeDependenciesResponse.$Properties {
    }

    class ControllerRuntimeDependenciesResponse {
        constructor(properties?: inspect.ControllerRuntimeDependenciesResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: inspect.ControllerRuntimeDependency.$Properties[];
        static create(properties: inspect.ControllerRuntimeDependenciesResponse.$Shape): inspect.ControllerRuntimeDependenciesResponse & inspect.ControllerRuntimeDependenciesResponse.$Shape;
        static create(properties?: inspect.ControllerRuntimeDependenciesResponse.$Properties): inspect.ControllerRuntimeDependenciesResponse;
        static encode(message: inspect.ControllerRuntimeDependenciesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inspect.ControllerRuntimeDependenciesResponse & inspect.ControllerRuntimeDependenciesResponse.$Shape;
        static fromObject(object: { [k: string]: any }): inspect.ControllerRuntimeDependenciesResponse;
        static toObject(message: inspect.ControllerRuntimeDependenciesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ControllerRuntimeDependenciesResponse {
        interface $Properties {
            messages?: (inspect.ControllerRuntimeDependency.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = inspect.ControllerRuntimeDependenciesResponse.$Properties;
    }

    enum DependencyEdgeType {
        MANAGES = 0,
        STRONG = 1,
        WEAK = 2
    }

    interface IControllerDependencyEdge extends inspect.ControllerDependencyEdge.$Properties {
    }

    class ControllerDependencyEdge {
        constructor(properties?: inspect.ControllerDependencyEdge.$Properties);
        $unknowns?: Uint8Array[];
        controllerName: string;
        edgeType: inspect.DependencyEdgeType;
        resourceNamespace: string;
        resourceType: string;
        resourceId: string;
        static create(properties: inspect.ControllerDependencyEdge.$Shape): inspect.ControllerDependencyEdge & inspect.ControllerDependencyEdge.$Shape;
        static create(properties?: inspect.ControllerDependencyEdge.$Properties): inspect.ControllerDependencyEdge;
        static encode(message: inspect.ControllerDependencyEdge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): inspect.ControllerDependencyEdge & inspect.ControllerDependencyEdge.$Shape;
        static fromObject(object: { [k: string]: any }): inspect.ControllerDependencyEdge;
        static toObject(message: inspect.ControllerDependencyEdge, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ControllerDependencyEdge {
        interface $Properties {
            controllerName?: (string|null);
            edgeType?: (inspect.DependencyEdgeType|null);
            resourceNamespace?: (string|null);
            resourceType?: (string|null);
            resourceId?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = inspect.ControllerDependencyEdge.$Properties;
    }
}

export namespace machine {

    interface IApplyConfigurationRequest extends machine.ApplyConfigurationRequest.$Properties {
    }

    class ApplyConfigurationRequest {
        constructor(properties?: machine.ApplyConfigurationRequest.$Properties);
        $unknowns?: Uint8Array[];
        data: Uint8Array;
        onReboot: boolean;
        immediate: boolean;
        static create(properties: machine.ApplyConfigurationRequest.$Shape): machine.ApplyConfigurationRequest & machine.ApplyConfigurationRequest.$Shape;
        static create(properties?: machine.ApplyConfigurationRequest.$Properties): machine.ApplyConfigurationRequest;
        static encode(message: machine.ApplyConfigurationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ApplyConfigurationRequest & machine.ApplyConfigurationRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ApplyConfigurationRequest;
        static toObject(message: machine.ApplyConfigurationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ApplyConfigurationRequest {
        interface $Properties {
            data?: (Uint8Array|null);
            onReboot?: (boolean|null);
            immediate?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ApplyConfigurationRequest.$Properties;
    }

    interface IApplyConfiguration extends machine.ApplyConfiguration.$Properties {
    }

    class ApplyConfiguration {
        constructor(properties?: machine.ApplyConfiguration.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.ApplyConfiguration.$Shape): machine.ApplyConfiguration & machine.ApplyConfiguration.$Shape;
        static create(properties?: machine.ApplyConfiguration.$Properties): machine.ApplyConfiguration;
        static encode(message: machine.ApplyConfiguration.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ApplyConfiguration & machine.ApplyConfiguration.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ApplyConfiguration;
        static toObject(message: machine.ApplyConfiguration, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ApplyConfiguration {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ApplyConfiguration.$Properties;
    }

    interface IApplyConfigurationResponse extends machine.ApplyConfigurationResponse.$Properties {
    }

    class ApplyConfigurationResponse {
        constructor(properties?: machine.ApplyConfigurationResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.ApplyConfiguration.$Properties[];
        static create(properties: machine.ApplyConfigurationResponse.$Shape): machine.ApplyConfigurationResponse & machine.ApplyConfigurationResponse.$Shape;
        static create(properties?: machine.ApplyConfigurationResponse.$Properties): machine.ApplyConfigurationResponse;
        static encode(message: machine.ApplyConfigurationResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ApplyConfigurationResponse & machine.ApplyConfigurationResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ApplyConfigurationResponse;
        static toObject(message: machine.ApplyConfigurationResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ApplyConfigurationResponse {
        interface $Properties {
            messages?: (machine.ApplyConfiguration.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ApplyConfigurationResponse.$Properties;
    }

    interface IReboot extends machine.Reboot.$Properties {
    }

    class Reboot {
        constructor(properties?: machine.Reboot.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.Reboot.$Shape): machine.Reboot & machine.Reboot.$Shape;
        static create(properties?: machine.Reboot.$Properties): machine.Reboot;
        static encode(message: machine.Reboot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Reboot & machine.Reboot.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Reboot;
        static toObject(message: machine.Reboot, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Reboot {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Reboot.$Properties;
    }

    interface IRebootResponse extends machine.RebootResponse.$Properties {
    }

    class RebootResponse {
        constructor(properties?: machine.RebootResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Reboot.$Properties[];
        static create(properties: machine.RebootResponse.$Shape): machine.RebootResponse & machine.RebootResponse.$Shape;
        static create(properties?: machine.RebootResponse.$Properties): machine.RebootResponse;
        static encode(message: machine.RebootResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RebootResponse & machine.RebootResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RebootResponse;
        static toObject(message: machine.RebootResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RebootResponse {
        interface $Properties {
            messages?: (machine.Reboot.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RebootResponse.$Properties;
    }

    interface IShutdown extends machine.Shutdown.$Properties {
    }

    class Shutdown {
        constructor(properties?: machine.Shutdown.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.Shutdown.$Shape): machine.Shutdown & machine.Shutdown.$Shape;
        static create(properties?: machine.Shutdown.$Properties): machine.Shutdown;
        static encode(message: machine.Shutdown.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Shutdown & machine.Shutdown.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Shutdown;
        static toObject(message: machine.Shutdown, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Shutdown {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Shutdown.$Properties;
    }

    interface IShutdownResponse extends machine.ShutdownResponse.$Properties {
    }

    class ShutdownResponse {
        constructor(properties?: machine.ShutdownResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Shutdown.$Properties[];
        static create(properties: machine.ShutdownResponse.$Shape): machine.ShutdownResponse & machine.ShutdownResponse.$Shape;
        static create(properties?: machine.ShutdownResponse.$Properties): machine.ShutdownResponse;
        static encode(message: machine.ShutdownResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ShutdownResponse & machine.ShutdownResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ShutdownResponse;
        static toObject(message: machine.ShutdownResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ShutdownResponse {
        interface $Properties {
            messages?: (machine.Shutdown.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ShutdownResponse.$Properties;
    }

    interface IBootstrapRequest extends machine.BootstrapRequest.$Properties {
    }

    class BootstrapRequest {
        constructor(properties?: machine.BootstrapRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: machine.BootstrapRequest.$Shape): machine.BootstrapRequest & machine.BootstrapRequest.$Shape;
        static create(properties?: machine.BootstrapRequest.$Properties): machine.BootstrapRequest;
        static encode(message: machine.BootstrapRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.BootstrapRequest & machine.BootstrapRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.BootstrapRequest;
        static toObject(message: machine.BootstrapRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace BootstrapRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.BootstrapRequest.$Properties;
    }

    interface IBootstrap extends machine.Bootstrap.$Properties {
    }

    class Bootstrap {
        constructor(properties?: machine.Bootstrap.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.Bootstrap.$Shape): machine.Bootstrap & machine.Bootstrap.$Shape;
        static create(properties?: machine.Bootstrap.$Properties): machine.Bootstrap;
        static encode(message: machine.Bootstrap.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Bootstrap & machine.Bootstrap.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Bootstrap;
        static toObject(message: machine.Bootstrap, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Bootstrap {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Bootstrap.$Properties;
    }

    interface IBootstrapResponse extends machine.BootstrapResponse.$Properties {
    }

    class BootstrapResponse {
        constructor(properties?: machine.BootstrapResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Bootstrap.$Properties[];
        static create(properties: machine.BootstrapResponse.$Shape): machine.BootstrapResponse & machine.BootstrapResponse.$Shape;
        static create(properties?: machine.BootstrapResponse.$Properties): machine.BootstrapResponse;
        static encode(message: machine.BootstrapResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.BootstrapResponse & machine.BootstrapResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.BootstrapResponse;
        static toObject(message: machine.BootstrapResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace BootstrapResponse {
        interface $Properties {
            messages?: (machine.Bootstrap.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.BootstrapResponse.$Properties;
    }

    interface ISequenceEvent extends machine.SequenceEvent.$Properties {
    }

    class SequenceEvent {
        constructor(properties?: machine.SequenceEvent.$Properties);
        $unknowns?: Uint8Array[];
        sequence: string;
        action: machine.SequenceEvent.Action;
        error?: (common.Error.$Properties|null);
        static create(properties: machine.SequenceEvent.$Shape): machine.SequenceEvent & machine.SequenceEvent.$Shape;
        static create(properties?: machine.SequenceEvent.$Properties): machine.SequenceEvent;
        static encode(message: machine.SequenceEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.SequenceEvent & machine.SequenceEvent.$Shape;
        static fromObject(object: { [k: string]: any }): machine.SequenceEvent;
        static toObject(message: machine.SequenceEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace SequenceEvent {
        interface $Properties {
            sequence?: (string|null);
            action?: (machine.SequenceEvent.Action|null);
            error?: (common.Error.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.SequenceEvent.$Properties;

        enum Action {
            NOOP = 0,
            START = 1,
            STOP = 2
        }
    }

    interface IPhaseEvent extends machine.PhaseEvent.$Properties {
    }

    class PhaseEvent {
        constructor(properties?: machine.PhaseEvent.$Properties);
        $unknowns?: Uint8Array[];
        phase: string;
        action: machine.PhaseEvent.Action;
        static create(properties: machine.PhaseEvent.$Shape): machine.PhaseEvent & machine.PhaseEvent.$Shape;
        static create(properties?: machine.PhaseEvent.$Properties): machine.PhaseEvent;
        static encode(message: machine.PhaseEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.PhaseEvent & machine.PhaseEvent.$Shape;
        static fromObject(object: { [k: string]: any }): machine.PhaseEvent;
        static toObject(message: machine.PhaseEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace PhaseEvent {
        interface $Properties {
            phase?: (string|null);
            action?: (machine.PhaseEvent.Action|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.PhaseEvent.$Properties;

        enum Action {
            START = 0,
            STOP = 1
        }
    }

    interface ITaskEvent extends machine.TaskEvent.$Properties {
    }

    class TaskEvent {
        constructor(properties?: machine.TaskEvent.$Properties);
        $unknowns?: Uint8Array[];
        task: string;
        action: machine.TaskEvent.Action;
        static create(properties: machine.TaskEvent.$Shape): machine.TaskEvent & machine.TaskEvent.$Shape;
        static create(properties?: machine.TaskEvent.$Properties): machine.TaskEvent;
        static encode(message: machine.TaskEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.TaskEvent & machine.TaskEvent.$Shape;
        static fromObject(object: { [k: string]: any }): machine.TaskEvent;
        static toObject(message: machine.TaskEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace TaskEvent {
        interface $Properties {
            task?: (string|null);
            action?: (machine.TaskEvent.Action|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.TaskEvent.$Properties;

        enum Action {
            START = 0,
            STOP = 1
        }
    }

    interface IServiceStateEvent extends machine.ServiceStateEvent.$Properties {
    }

    class ServiceStateEvent {
        constructor(properties?: machine.ServiceStateEvent.$Properties);
        $unknowns?: Uint8Array[];
        service: string;
        action: machine.ServiceStateEvent.Action;
        message: string;
        health?: (machine.ServiceHealth.$Properties|null);
        static create(properties: machine.ServiceStateEvent.$Shape): machine.ServiceStateEvent & machine.ServiceStateEvent.$Shape;
        static create(properties?: machine.ServiceStateEvent.$Properties): machine.ServiceStateEvent;
        static encode(message: machine.ServiceStateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceStateEvent & machine.ServiceStateEvent.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceStateEvent;
        static toObject(message: machine.ServiceStateEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceStateEvent {
        interface $Properties {
            service?: (string|null);
            action?: (machine.ServiceStateEvent.Action|null);
            message?: (string|null);
            health?: (machine.ServiceHealth.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceStateEvent.$Properties;

        enum Action {
            INITIALIZED = 0,
            PREPARING = 1,
            WAITING = 2,
            RUNNING = 3,
            STOPPING = 4,
            FINISHED = 5,
            FAILED = 6,
            SKIPPED = 7
        }
    }

    interface IRestartEvent extends machine.RestartEvent.$Properties {
    }

    class RestartEvent {
        constructor(properties?: machine.RestartEvent.$Properties);
        $unknowns?: Uint8Array[];
        cmd: number;
        static create(properties: machine.RestartEvent.$Shape): machine.RestartEvent & machine.RestartEvent.$Shape;
        static create(properties?: machine.RestartEvent.$Properties): machine.RestartEvent;
        static encode(message: machine.RestartEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RestartEvent & machine.RestartEvent.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RestartEvent;
        static toObject(message: machine.RestartEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RestartEvent {
        interface $Properties {
            cmd?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RestartEvent.$Properties;
    }

    interface IEventsRequest extends machine.EventsRequest.$Properties {
    }

    class EventsRequest {
        constructor(properties?: machine.EventsRequest.$Properties);
        $unknowns?: Uint8Array[];
        tailEvents: number;
        tailId: string;
        tailSeconds: number;
        static create(properties: machine.EventsRequest.$Shape): machine.EventsRequest & machine.EventsRequest.$Shape;
        static create(properties?: machine.EventsRequest.$Properties): machine.EventsRequest;
        static encode(message: machine.EventsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EventsRequest & machine.EventsRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EventsRequest;
        static toObject(message: machine.EventsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EventsRequest {
        interface $Properties {
            tailEvents?: (number|null);
            tailId?: (string|null);
            tailSeconds?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EventsRequest.$Properties;
    }

    interface IEvent extends machine.Event.$Properties {
    }

    class Event {
        constructor(properties?: machine.Event.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        data?: (google.protobuf.Any.$Properties|null);
        id: string;
        static create(properties: machine.Event.$Shape): machine.Event & machine.Event.$Shape;
        static create(properties?: machine.Event.$Properties): machine.Event;
        static encode(message: machine.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Event & machine.Event.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Event;
        static toObject(message: machine.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Event {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            data?: (google.protobuf.Any.$Properties|null);
            id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Event.$Properties;
    }

    interface IResetPartitionSpec extends machine.ResetPartitionSpec.$Properties {
    }

    class ResetPartitionSpec {
        constructor(properties?: machine.ResetPartitionSpec.$Properties);
        $unknowns?: Uint8Array[];
        label: string;
        wipe: boolean;
        static create(properties: machine.ResetPartitionSpec.$Shape): machine.ResetPartitionSpec & machine.ResetPartitionSpec.$Shape;
        static create(properties?: machine.ResetPartitionSpec.$Properties): machine.ResetPartitionSpec;
        static encode(message: machine.ResetPartitionSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ResetPartitionSpec & machine.ResetPartitionSpec.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ResetPartitionSpec;
        static toObject(message: machine.ResetPartitionSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResetPartitionSpec {
        interface $Properties {
            label?: (string|null);
            wipe?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ResetPartitionSpec.$Properties;
    }

    interface IResetRequest extends machine.ResetRequest.$Properties {
    }

    class ResetRequest {
        constructor(properties?: machine.ResetRequest.$Properties);
        $unknowns?: Uint8Array[];
        graceful: boolean;
        reboot: boolean;
        systemPartitionsToWipe: machine.ResetPartitionSpec.$Properties[];
        static create(properties: machine.ResetRequest.$Shape): machine.ResetRequest & machine.ResetRequest.$Shape;
        static create(properties?: machine.ResetRequest.$Properties): machine.ResetRequest;
        static encode(message: machine.ResetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ResetRequest & machine.ResetRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ResetRequest;
        static toObject(message: machine.ResetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResetRequest {
        interface $Properties {
            graceful?: (boolean|null);
            reboot?: (boolean|null);
            systemPartitionsToWipe?: (machine.ResetPartitionSpec.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ResetRequest.$Properties;
    }

    interface IReset extends machine.Reset.$Properties {
    }

    class Reset {
        constructor(properties?: machine.Reset.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.Reset.$Shape): machine.Reset & machine.Reset.$Shape;
        static create(properties?: machine.Reset.$Properties): machine.Reset;
        static encode(message: machine.Reset.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Reset & machine.Reset.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Reset;
        static toObject(message: machine.Reset, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Reset {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Reset.$Properties;
    }

    interface IResetResponse extends machine.ResetResponse.$Properties {
    }

    class ResetResponse {
        constructor(properties?: machine.ResetResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Reset.$Properties[];
        static create(properties: machine.ResetResponse.$Shape): machine.ResetResponse & machine.ResetResponse.$Shape;
        static create(properties?: machine.ResetResponse.$Properties): machine.ResetResponse;
        static encode(message: machine.ResetResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ResetResponse & machine.ResetResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ResetResponse;
        static toObject(message: machine.ResetResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResetResponse {
        interface $Properties {
            messages?: (machine.Reset.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ResetResponse.$Properties;
    }

    interface IRecoverRequest extends machine.RecoverRequest.$Properties {
    }

    class RecoverRequest {
        constructor(properties?: machine.RecoverRequest.$Properties);
        $unknowns?: Uint8Array[];
        source: machine.RecoverRequest.Source;
        static create(properties: machine.RecoverRequest.$Shape): machine.RecoverRequest & machine.RecoverRequest.$Shape;
        static create(properties?: machine.RecoverRequest.$Properties): machine.RecoverRequest;
        static encode(message: machine.RecoverRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RecoverRequest & machine.RecoverRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RecoverRequest;
        static toObject(message: machine.RecoverRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RecoverRequest {
        interface $Properties {
            source?: (machine.RecoverRequest.Source|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RecoverRequest.$Properties;

        enum Source {
            ETCD = 0,
            APISERVER = 1
        }
    }

    interface IRecover extends machine.Recover.$Properties {
    }

    class Recover {
        constructor(properties?: machine.Recover.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.Recover.$Shape): machine.Recover & machine.Recover.$Shape;
        static create(properties?: machine.Recover.$Properties): machine.Recover;
        static encode(message: machine.Recover.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Recover & machine.Recover.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Recover;
        static toObject(message: machine.Recover, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Recover {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Recover.$Properties;
    }

    interface IRecoverResponse extends machine.RecoverResponse.$Properties {
    }

    class RecoverResponse {
        constructor(properties?: machine.RecoverResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Recover.$Properties[];
        static create(properties: machine.RecoverResponse.$Shape): machine.RecoverResponse & machine.RecoverResponse.$Shape;
        static create(properties?: machine.RecoverResponse.$Properties): machine.RecoverResponse;
        static encode(message: machine.RecoverResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RecoverResponse & machine.RecoverResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RecoverResponse;
        static toObject(message: machine.RecoverResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RecoverResponse {
        interface $Properties {
            messages?: (machine.Recover.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RecoverResponse.$Properties;
    }

    interface IRemoveBootkubeInitializedKey extends machine.RemoveBootkubeInitializedKey.$Properties {
    }

    class RemoveBootkubeInitializedKey {
        constructor(properties?: machine.RemoveBootkubeInitializedKey.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.RemoveBootkubeInitializedKey.$Shape): machine.RemoveBootkubeInitializedKey & machine.RemoveBootkubeInitializedKey.$Shape;
        static create(properties?: machine.RemoveBootkubeInitializedKey.$Properties): machine.RemoveBootkubeInitializedKey;
        static encode(message: machine.RemoveBootkubeInitializedKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RemoveBootkubeInitializedKey & machine.RemoveBootkubeInitializedKey.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RemoveBootkubeInitializedKey;
        static toObject(message: machine.RemoveBootkubeInitializedKey, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveBootkubeInitializedKey {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RemoveBootkubeInitializedKey.$Properties;
    }

    interface IRemoveBootkubeInitializedKeyResponse extends machine.RemoveBootkubeInitializedKeyResponse.$Properties {
    }

    class RemoveBootkubeInitializedKeyResponse {
        constructor(properties?: machine.RemoveBootkubeInitializedKeyResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.RemoveBootkubeInitializedKey.$Properties[];
        static create(properties: machine.RemoveBootkubeInitializedKeyResponse.$Shape): machine.RemoveBootkubeInitializedKeyResponse & machine.RemoveBootkubeInitializedKeyResponse.$Shape;
        static create(properties?: machine.RemoveBootkubeInitializedKeyResponse.$Properties): machine.RemoveBootkubeInitializedKeyResponse;
        static encode(message: machine.RemoveBootkubeInitializedKeyResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RemoveBootkubeInitializedKeyResponse & machine.RemoveBootkubeInitializedKeyResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RemoveBootkubeInitializedKeyResponse;
        static toObject(message: machine.RemoveBootkubeInitializedKeyResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveBootkubeInitializedKeyResponse {
        interface $Properties {
            messages?: (machine.RemoveBootkubeInitializedKey.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RemoveBootkubeInitializedKeyResponse.$Properties;
    }

    interface IUpgradeRequest extends machine.UpgradeRequest.$Properties {
    }

    class UpgradeRequest {
        constructor(properties?: machine.UpgradeRequest.$Properties);
        $unknowns?: Uint8Array[];
        image: string;
        preserve: boolean;
        stage: boolean;
        force: boolean;
        static create(properties: machine.UpgradeRequest.$Shape): machine.UpgradeRequest & machine.UpgradeRequest.$Shape;
        static create(properties?: machine.UpgradeRequest.$Properties): machine.UpgradeRequest;
        static encode(message: machine.UpgradeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.UpgradeRequest & machine.UpgradeRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.UpgradeRequest;
        static toObject(message: machine.UpgradeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpgradeRequest {
        interface $Properties {
            image?: (string|null);
            preserve?: (boolean|null);
            stage?: (boolean|null);
            force?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.UpgradeRequest.$Properties;
    }

    interface IUpgrade extends machine.Upgrade.$Properties {
    }

    class Upgrade {
        constructor(properties?: machine.Upgrade.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        ack: string;
        static create(properties: machine.Upgrade.$Shape): machine.Upgrade & machine.Upgrade.$Shape;
        static create(properties?: machine.Upgrade.$Properties): machine.Upgrade;
        static encode(message: machine.Upgrade.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Upgrade & machine.Upgrade.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Upgrade;
        static toObject(message: machine.Upgrade, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Upgrade {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            ack?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Upgrade.$Properties;
    }

    interface IUpgradeResponse extends machine.UpgradeResponse.$Properties {
    }

    class UpgradeResponse {
        constructor(properties?: machine.UpgradeResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Upgrade.$Properties[];
        static create(properties: machine.UpgradeResponse.$Shape): machine.UpgradeResponse & machine.UpgradeResponse.$Shape;
        static create(properties?: machine.UpgradeResponse.$Properties): machine.UpgradeResponse;
        static encode(message: machine.UpgradeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.UpgradeResponse & machine.UpgradeResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.UpgradeResponse;
        static toObject(message: machine.UpgradeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace UpgradeResponse {
        interface $Properties {
            messages?: (machine.Upgrade.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.UpgradeResponse.$Properties;
    }

    interface IServiceList extends machine.ServiceList.$Properties {
    }

    class ServiceList {
        constructor(properties?: machine.ServiceList.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        services: machine.ServiceInfo.$Properties[];
        static create(properties: machine.ServiceList.$Shape): machine.ServiceList & machine.ServiceList.$Shape;
        static create(properties?: machine.ServiceList.$Properties): machine.ServiceList;
        static encode(message: machine.ServiceList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceList & machine.ServiceList.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceList;
        static toObject(message: machine.ServiceList, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceList {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            services?: (machine.ServiceInfo.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceList.$Properties;
    }

    interface IServiceListResponse extends machine.ServiceListResponse.$Properties {
    }

    class ServiceListResponse {
        constructor(properties?: machine.ServiceListResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.ServiceList.$Properties[];
        static create(properties: machine.ServiceListResponse.$Shape): machine.ServiceListResponse & machine.ServiceListResponse.$Shape;
        static create(properties?: machine.ServiceListResponse.$Properties): machine.ServiceListResponse;
        static encode(message: machine.ServiceListResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceListResponse & machine.ServiceListResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceListResponse;
        static toObject(message: machine.ServiceListResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceListResponse {
        interface $Properties {
            messages?: (machine.ServiceList.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceListResponse.$Properties;
    }

    interface IServiceInfo extends machine.ServiceInfo.$Properties {
    }

    class ServiceInfo {
        constructor(properties?: machine.ServiceInfo.$Properties);
        $unknowns?: Uint8Array[];
        id: string;
        state: string;
        events?: (machine.ServiceEvents.$Properties|null);
        health?: (machine.ServiceHealth.$Properties|null);
        static create(properties: machine.ServiceInfo.$Shape): machine.ServiceInfo & machine.ServiceInfo.$Shape;
        static create(properties?: machine.ServiceInfo.$Properties): machine.ServiceInfo;
        static encode(message: machine.ServiceInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceInfo & machine.ServiceInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceInfo;
        static toObject(message: machine.ServiceInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceInfo {
        interface $Properties {
            id?: (string|null);
            state?: (string|null);
            events?: (machine.ServiceEvents.$Properties|null);
            health?: (machine.ServiceHealth.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceInfo.$Properties;
    }

    interface IServiceEvents extends machine.ServiceEvents.$Properties {
    }

    class ServiceEvents {
        constructor(properties?: machine.ServiceEvents.$Properties);
        $unknowns?: Uint8Array[];
        events: machine.ServiceEvent.$Properties[];
        static create(properties: machine.ServiceEvents.$Shape): machine.ServiceEvents & machine.ServiceEvents.$Shape;
        static create(properties?: machine.ServiceEvents.$Properties): machine.ServiceEvents;
        static encode(message: machine.ServiceEvents.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceEvents & machine.ServiceEvents.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceEvents;
        static toObject(message: machine.ServiceEvents, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceEvents {
        interface $Properties {
            events?: (machine.ServiceEvent.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceEvents.$Properties;
    }

    interface IServiceEvent extends machine.ServiceEvent.$Properties {
    }

    class ServiceEvent {
        constructor(properties?: machine.ServiceEvent.$Properties);
        $unknowns?: Uint8Array[];
        msg: string;
        state: string;
        ts?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: machine.ServiceEvent.$Shape): machine.ServiceEvent & machine.ServiceEvent.$Shape;
        static create(properties?: machine.ServiceEvent.$Properties): machine.ServiceEvent;
        static encode(message: machine.ServiceEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceEvent & machine.ServiceEvent.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceEvent;
        static toObject(message: machine.ServiceEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceEvent {
        interface $Properties {
            msg?: (string|null);
            state?: (string|null);
            ts?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceEvent.$Properties;
    }

    interface IServiceHealth extends machine.ServiceHealth.$Properties {
    }

    class ServiceHealth {
        constructor(properties?: machine.ServiceHealth.$Properties);
        $unknowns?: Uint8Array[];
        unknown: boolean;
        healthy: boolean;
        lastMessage: string;
        lastChange?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: machine.ServiceHealth.$Shape): machine.ServiceHealth & machine.ServiceHealth.$Shape;
        static create(properties?: machine.ServiceHealth.$Properties): machine.ServiceHealth;
        static encode(message: machine.ServiceHealth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceHealth & machine.ServiceHealth.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceHealth;
        static toObject(message: machine.ServiceHealth, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceHealth {
        interface $Properties {
            unknown?: (boolean|null);
            healthy?: (boolean|null);
            lastMessage?: (string|null);
            lastChange?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceHealth.$Properties;
    }

    interface IServiceStartRequest extends machine.ServiceStartRequest.$Properties {
    }

    class ServiceStartRequest {
        constructor(properties?: machine.ServiceStartRequest.$Properties);
        $unknowns?: Uint8Array[];
        id: string;
        static create(properties: machine.ServiceStartRequest.$Shape): machine.ServiceStartRequest & machine.ServiceStartRequest.$Shape;
        static create(properties?: machine.ServiceStartRequest.$Properties): machine.ServiceStartRequest;
        static encode(message: machine.ServiceStartRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceStartRequest & machine.ServiceStartRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceStartRequest;
        static toObject(message: machine.ServiceStartRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceStartRequest {
        interface $Properties {
            id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceStartRequest.$Properties;
    }

    interface IServiceStart extends machine.ServiceStart.$Properties {
    }

    class ServiceStart {
        constructor(properties?: machine.ServiceStart.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        resp: string;
        static create(properties: machine.ServiceStart.$Shape): machine.ServiceStart & machine.ServiceStart.$Shape;
        static create(properties?: machine.ServiceStart.$Properties): machine.ServiceStart;
        static encode(message: machine.ServiceStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceStart & machine.ServiceStart.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceStart;
        static toObject(message: machine.ServiceStart, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceStart {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            resp?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceStart.$Properties;
    }

    interface IServiceStartResponse extends machine.ServiceStartResponse.$Properties {
    }

    class ServiceStartResponse {
        constructor(properties?: machine.ServiceStartResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.ServiceStart.$Properties[];
        static create(properties: machine.ServiceStartResponse.$Shape): machine.ServiceStartResponse & machine.ServiceStartResponse.$Shape;
        static create(properties?: machine.ServiceStartResponse.$Properties): machine.ServiceStartResponse;
        static encode(message: machine.ServiceStartResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceStartResponse & machine.ServiceStartResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceStartResponse;
        static toObject(message: machine.ServiceStartResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceStartResponse {
        interface $Properties {
            messages?: (machine.ServiceStart.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceStartResponse.$Properties;
    }

    interface IServiceStopRequest extends machine.ServiceStopRequest.$Properties {
    }

    class ServiceStopRequest {
        constructor(properties?: machine.ServiceStopRequest.$Properties);
        $unknowns?: Uint8Array[];
        id: string;
        static create(properties: machine.ServiceStopRequest.$Shape): machine.ServiceStopRequest & machine.ServiceStopRequest.$Shape;
        static create(properties?: machine.ServiceStopRequest.$Properties): machine.ServiceStopRequest;
        static encode(message: machine.ServiceStopRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceStopRequest & machine.ServiceStopRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceStopRequest;
        static toObject(message: machine.ServiceStopRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceStopRequest {
        interface $Properties {
            id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceStopRequest.$Properties;
    }

    interface IServiceStop extends machine.ServiceStop.$Properties {
    }

    class ServiceStop {
        constructor(properties?: machine.ServiceStop.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        resp: string;
        static create(properties: machine.ServiceStop.$Shape): machine.ServiceStop & machine.ServiceStop.$Shape;
        static create(properties?: machine.ServiceStop.$Properties): machine.ServiceStop;
        static encode(message: machine.ServiceStop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceStop & machine.ServiceStop.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceStop;
        static toObject(message: machine.ServiceStop, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceStop {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            resp?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceStop.$Properties;
    }

    interface IServiceStopResponse extends machine.ServiceStopResponse.$Properties {
    }

    class ServiceStopResponse {
        constructor(properties?: machine.ServiceStopResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.ServiceStop.$Properties[];
        static create(properties: machine.ServiceStopResponse.$Shape): machine.ServiceStopResponse & machine.ServiceStopResponse.$Shape;
        static create(properties?: machine.ServiceStopResponse.$Properties): machine.ServiceStopResponse;
        static encode(message: machine.ServiceStopResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceStopResponse & machine.ServiceStopResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceStopResponse;
        static toObject(message: machine.ServiceStopResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceStopResponse {
        interface $Properties {
            messages?: (machine.ServiceStop.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceStopResponse.$Properties;
    }

    interface IServiceRestartRequest extends machine.ServiceRestartRequest.$Properties {
    }

    class ServiceRestartRequest {
        constructor(properties?: machine.ServiceRestartRequest.$Properties);
        $unknowns?: Uint8Array[];
        id: string;
        static create(properties: machine.ServiceRestartRequest.$Shape): machine.ServiceRestartRequest & machine.ServiceRestartRequest.$Shape;
        static create(properties?: machine.ServiceRestartRequest.$Properties): machine.ServiceRestartRequest;
        static encode(message: machine.ServiceRestartRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceRestartRequest & machine.ServiceRestartRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceRestartRequest;
        static toObject(message: machine.ServiceRestartRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceRestartRequest {
        interface $Properties {
            id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceRestartRequest.$Properties;
    }

    interface IServiceRestart extends machine.ServiceRestart.$Properties {
    }

    class ServiceRestart {
        constructor(properties?: machine.ServiceRestart.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        resp: string;
        static create(properties: machine.ServiceRestart.$Shape): machine.ServiceRestart & machine.ServiceRestart.$Shape;
        static create(properties?: machine.ServiceRestart.$Properties): machine.ServiceRestart;
        static encode(message: machine.ServiceRestart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceRestart & machine.ServiceRestart.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceRestart;
        static toObject(message: machine.ServiceRestart, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceRestart {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            resp?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceRestart.$Properties;
    }

    interface IServiceRestartResponse extends machine.ServiceRestartResponse.$Properties {
    }

    class ServiceRestartResponse {
        constructor(properties?: machine.ServiceRestartResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.ServiceRestart.$Properties[];
        static create(properties: machine.ServiceRestartResponse.$Shape): machine.ServiceRestartResponse & machine.ServiceRestartResponse.$Shape;
        static create(properties?: machine.ServiceRestartResponse.$Properties): machine.ServiceRestartResponse;
        static encode(message: machine.ServiceRestartResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ServiceRestartResponse & machine.ServiceRestartResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ServiceRestartResponse;
        static toObject(message: machine.ServiceRestartResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ServiceRestartResponse {
        interface $Properties {
            messages?: (machine.ServiceRestart.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ServiceRestartResponse.$Properties;
    }

    interface IStartRequest extends machine.StartRequest.$Properties {
    }

    class StartRequest {
        constructor(properties?: machine.StartRequest.$Properties);
        $unknowns?: Uint8Array[];
        id: string;
        static create(properties: machine.StartRequest.$Shape): machine.StartRequest & machine.StartRequest.$Shape;
        static create(properties?: machine.StartRequest.$Properties): machine.StartRequest;
        static encode(message: machine.StartRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.StartRequest & machine.StartRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.StartRequest;
        static toObject(message: machine.StartRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StartRequest {
        interface $Properties {
            id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.StartRequest.$Properties;
    }

    interface IStartResponse extends machine.StartResponse.$Properties {
    }

    class StartResponse {
        constructor(properties?: machine.StartResponse.$Properties);
        $unknowns?: Uint8Array[];
        resp: string;
        static create(properties: machine.StartResponse.$Shape): machine.StartResponse & machine.StartResponse.$Shape;
        static create(properties?: machine.StartResponse.$Properties): machine.StartResponse;
        static encode(message: machine.StartResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.StartResponse & machine.StartResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.StartResponse;
        static toObject(message: machine.StartResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StartResponse {
        interface $Properties {
            resp?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.StartResponse.$Properties;
    }

    interface IStopRequest extends machine.StopRequest.$Properties {
    }

    class StopRequest {
        constructor(properties?: machine.StopRequest.$Properties);
        $unknowns?: Uint8Array[];
        id: string;
        static create(properties: machine.StopRequest.$Shape): machine.StopRequest & machine.StopRequest.$Shape;
        static create(properties?: machine.StopRequest.$Properties): machine.StopRequest;
        static encode(message: machine.StopRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.StopRequest & machine.StopRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.StopRequest;
        static toObject(message: machine.StopRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StopRequest {
        interface $Properties {
            id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.StopRequest.$Properties;
    }

    interface IStopResponse extends machine.StopResponse.$Properties {
    }

    class StopResponse {
        constructor(properties?: machine.StopResponse.$Properties);
        $unknowns?: Uint8Array[];
        resp: string;
        static create(properties: machine.StopResponse.$Shape): machine.StopResponse & machine.StopResponse.$Shape;
        static create(properties?: machine.StopResponse.$Properties): machine.StopResponse;
        static encode(message: machine.StopResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.StopResponse & machine.StopResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.StopResponse;
        static toObject(message: machine.StopResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StopResponse {
        interface $Properties {
            resp?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.StopResponse.$Properties;
    }

    interface ICopyRequest extends machine.CopyRequest.$Properties {
    }

    class CopyRequest {
        constructor(properties?: machine.CopyRequest.$Properties);
        $unknowns?: Uint8Array[];
        rootPath: string;
        static create(properties: machine.CopyRequest.$Shape): machine.CopyRequest & machine.CopyRequest.$Shape;
        static create(properties?: machine.CopyRequest.$Properties): machine.CopyRequest;
        static encode(message: machine.CopyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.CopyRequest & machine.CopyRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.CopyRequest;
        static toObject(message: machine.CopyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CopyRequest {
        interface $Properties {
            rootPath?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.CopyRequest.$Properties;
    }

    interface IListRequest extends machine.ListRequest.$Properties {
    }

    class ListRequest {
        constructor(properties?: machine.ListRequest.$Properties);
        $unknowns?: Uint8Array[];
        root: string;
        recurse: boolean;
        recursionDepth: number;
        types: machine.ListRequest.Type[];
        static create(properties: machine.ListRequest.$Shape): machine.ListRequest & machine.ListRequest.$Shape;
        static create(properties?: machine.ListRequest.$Properties): machine.ListRequest;
        static encode(message: machine.ListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ListRequest & machine.ListRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ListRequest;
        static toObject(message: machine.ListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListRequest {
        interface $Properties {
            root?: (string|null);
            recurse?: (boolean|null);
            recursionDepth?: (number|null);
            types?: (machine.ListRequest.Type[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ListRequest.$Properties;

        enum Type {
            REGULAR = 0,
            DIRECTORY = 1,
            SYMLINK = 2
        }
    }

    interface IDiskUsageRequest extends machine.DiskUsageRequest.$Properties {
    }

    class DiskUsageRequest {
        constructor(properties?: machine.DiskUsageRequest.$Properties);
        $unknowns?: Uint8Array[];
        recursionDepth: number;
        all: boolean;
        threshold: number;
        paths: string[];
        static create(properties: machine.DiskUsageRequest.$Shape): machine.DiskUsageRequest & machine.DiskUsageRequest.$Shape;
        static create(properties?: machine.DiskUsageRequest.$Properties): machine.DiskUsageRequest;
        static encode(message: machine.DiskUsageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.DiskUsageRequest & machine.DiskUsageRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.DiskUsageRequest;
        static toObject(message: machine.DiskUsageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DiskUsageRequest {
        interface $Properties {
            recursionDepth?: (number|null);
            all?: (boolean|null);
            threshold?: (number|null);
            paths?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.DiskUsageRequest.$Properties;
    }

    interface IFileInfo extends machine.FileInfo.$Properties {
    }

    class FileInfo {
        constructor(properties?: machine.FileInfo.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        name: string;
        size: number;
        mode: number;
        modified: number;
        isDir: boolean;
        error: string;
        link: string;
        relativeName: string;
        static create(properties: machine.FileInfo.$Shape): machine.FileInfo & machine.FileInfo.$Shape;
        static create(properties?: machine.FileInfo.$Properties): machine.FileInfo;
        static encode(message: machine.FileInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.FileInfo & machine.FileInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.FileInfo;
        static toObject(message: machine.FileInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace FileInfo {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            name?: (string|null);
            size?: (number|null);
            mode?: (number|null);
            modified?: (number|null);
            isDir?: (boolean|null);
            error?: (string|null);
            link?: (string|null);
            relativeName?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.FileInfo.$Properties;
    }

    interface IDiskUsageInfo extends machine.DiskUsageInfo.$Properties {
    }

    class DiskUsageInfo {
        constructor(properties?: machine.DiskUsageInfo.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        name: string;
        size: number;
        error: string;
        relativeName: string;
        static create(properties: machine.DiskUsageInfo.$Shape): machine.DiskUsageInfo & machine.DiskUsageInfo.$Shape;
        static create(properties?: machine.DiskUsageInfo.$Properties): machine.DiskUsageInfo;
        static encode(message: machine.DiskUsageInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.DiskUsageInfo & machine.DiskUsageInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.DiskUsageInfo;
        static toObject(message: machine.DiskUsageInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DiskUsageInfo {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            name?: (string|null);
            size?: (number|null);
            error?: (string|null);
            relativeName?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.DiskUsageInfo.$Properties;
    }

    interface IReadRequest extends machine.ReadRequest.$Properties {
    }

    class ReadRequest {
        constructor(properties?: machine.ReadRequest.$Properties);
        $unknowns?: Uint8Array[];
        path: string;
        static create(properties: machine.ReadRequest.$Shape): machine.ReadRequest & machine.ReadRequest.$Shape;
        static create(properties?: machine.ReadRequest.$Properties): machine.ReadRequest;
        static encode(message: machine.ReadRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ReadRequest & machine.ReadRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ReadRequest;
        static toObject(message: machine.ReadRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReadRequest {
        interface $Properties {
            path?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ReadRequest.$Properties;
    }

    interface IMounts extends machine.Mounts.$Properties {
    }

    class Mounts {
        constructor(properties?: machine.Mounts.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        stats: machine.MountStat.$Properties[];
        static create(properties: machine.Mounts.$Shape): machine.Mounts & machine.Mounts.$Shape;
        static create(properties?: machine.Mounts.$Properties): machine.Mounts;
        static encode(message: machine.Mounts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Mounts & machine.Mounts.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Mounts;
        static toObject(message: machine.Mounts, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Mounts {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            stats?: (machine.MountStat.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Mounts.$Properties;
    }

    interface IMountsResponse extends machine.MountsResponse.$Properties {
    }

    class MountsResponse {
        constructor(properties?: machine.MountsResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Mounts.$Properties[];
        static create(properties: machine.MountsResponse.$Shape): machine.MountsResponse & machine.MountsResponse.$Shape;
        static create(properties?: machine.MountsResponse.$Properties): machine.MountsResponse;
        static encode(message: machine.MountsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.MountsResponse & machine.MountsResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.MountsResponse;
        static toObject(message: machine.MountsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace MountsResponse {
        interface $Properties {
            messages?: (machine.Mounts.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.MountsResponse.$Properties;
    }

    interface IMountStat extends machine.MountStat.$Properties {
    }

    class MountStat {
        constructor(properties?: machine.MountStat.$Properties);
        $unknowns?: Uint8Array[];
        filesystem: string;
        size: number;
        available: number;
        mountedOn: string;
        static create(properties: machine.MountStat.$Shape): machine.MountStat & machine.MountStat.$Shape;
        static create(properties?: machine.MountStat.$Properties): machine.MountStat;
        static encode(message: machine.MountStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.MountStat & machine.MountStat.$Shape;
        static fromObject(object: { [k: string]: any }): machine.MountStat;
        static toObject(message: machine.MountStat, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace MountStat {
        interface $Properties {
            filesystem?: (string|null);
            size?: (number|null);
            available?: (number|null);
            mountedOn?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.MountStat.$Properties;
    }

    interface IVersion extends machine.Version.$Properties {
    }

    class Version {
        constructor(properties?: machine.Version.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        version?: (machine.VersionInfo.$Properties|null);
        platform?: (machine.PlatformInfo.$Properties|null);
        static create(properties: machine.Version.$Shape): machine.Version & machine.Version.$Shape;
        static create(properties?: machine.Version.$Properties): machine.Version;
        static encode(message: machine.Version.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Version & machine.Version.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Version;
        static toObject(message: machine.Version, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Version {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            version?: (machine.VersionInfo.$Properties|null);
            platform?: (machine.PlatformInfo.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Version.$Properties;
    }

    interface IVersionResponse extends machine.VersionResponse.$Properties {
    }

    class VersionResponse {
        constructor(properties?: machine.VersionResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Version.$Properties[];
        static create(properties: machine.VersionResponse.$Shape): machine.VersionResponse & machine.VersionResponse.$Shape;
        static create(properties?: machine.VersionResponse.$Properties): machine.VersionResponse;
        static encode(message: machine.VersionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.VersionResponse & machine.VersionResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.VersionResponse;
        static toObject(message: machine.VersionResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace VersionResponse {
        interface $Properties {
            messages?: (machine.Version.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.VersionResponse.$Properties;
    }

    interface IVersionInfo extends machine.VersionInfo.$Properties {
    }

    class VersionInfo {
        constructor(properties?: machine.VersionInfo.$Properties);
        $unknowns?: Uint8Array[];
        tag: string;
        sha: string;
        built: string;
        goVersion: string;
        os: string;
        arch: string;
        static create(properties: machine.VersionInfo.$Shape): machine.VersionInfo & machine.VersionInfo.$Shape;
        static create(properties?: machine.VersionInfo.$Properties): machine.VersionInfo;
        static encode(message: machine.VersionInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.VersionInfo & machine.VersionInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.VersionInfo;
        static toObject(message: machine.VersionInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace VersionInfo {
        interface $Properties {
            tag?: (string|null);
            sha?: (string|null);
            built?: (string|null);
            goVersion?: (string|null);
            os?: (string|null);
            arch?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.VersionInfo.$Properties;
    }

    interface IPlatformInfo extends machine.PlatformInfo.$Properties {
    }

    class PlatformInfo {
        constructor(properties?: machine.PlatformInfo.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        mode: string;
        static create(properties: machine.PlatformInfo.$Shape): machine.PlatformInfo & machine.PlatformInfo.$Shape;
        static create(properties?: machine.PlatformInfo.$Properties): machine.PlatformInfo;
        static encode(message: machine.PlatformInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.PlatformInfo & machine.PlatformInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.PlatformInfo;
        static toObject(message: machine.PlatformInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace PlatformInfo {
        interface $Properties {
            name?: (string|null);
            mode?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.PlatformInfo.$Properties;
    }

    interface ILogsRequest extends machine.LogsRequest.$Properties {
    }

    class LogsRequest {
        constructor(properties?: machine.LogsRequest.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        id: string;
        driver: common.ContainerDriver;
        follow: boolean;
        tailLines: number;
        static create(properties: machine.LogsRequest.$Shape): machine.LogsRequest & machine.LogsRequest.$Shape;
        static create(properties?: machine.LogsRequest.$Properties): machine.LogsRequest;
        static encode(message: machine.LogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.LogsRequest & machine.LogsRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.LogsRequest;
        static toObject(message: machine.LogsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace LogsRequest {
        interface $Properties {
            namespace?: (string|null);
            id?: (string|null);
            driver?: (common.ContainerDriver|null);
            follow?: (boolean|null);
            tailLines?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.LogsRequest.$Properties;
    }

    interface IDmesgRequest extends machine.DmesgRequest.$Properties {
    }

    class DmesgRequest {
        constructor(properties?: machine.DmesgRequest.$Properties);
        $unknowns?: Uint8Array[];
        follow: boolean;
        tail: boolean;
        static create(properties: machine.DmesgRequest.$Shape): machine.DmesgRequest & machine.DmesgRequest.$Shape;
        static create(properties?: machine.DmesgRequest.$Properties): machine.DmesgRequest;
        static encode(message: machine.DmesgRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.DmesgRequest & machine.DmesgRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.DmesgRequest;
        static toObject(message: machine.DmesgRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DmesgRequest {
        interface $Properties {
            follow?: (boolean|null);
            tail?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.DmesgRequest.$Properties;
    }

    interface IRollbackRequest extends machine.RollbackRequest.$Properties {
    }

    class RollbackRequest {
        constructor(properties?: machine.RollbackRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: machine.RollbackRequest.$Shape): machine.RollbackRequest & machine.RollbackRequest.$Shape;
        static create(properties?: machine.RollbackRequest.$Properties): machine.RollbackRequest;
        static encode(message: machine.RollbackRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RollbackRequest & machine.RollbackRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RollbackRequest;
        static toObject(message: machine.RollbackRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RollbackRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RollbackRequest.$Properties;
    }

    interface IRollback extends machine.Rollback.$Properties {
    }

    class Rollback {
        constructor(properties?: machine.Rollback.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.Rollback.$Shape): machine.Rollback & machine.Rollback.$Shape;
        static create(properties?: machine.Rollback.$Properties): machine.Rollback;
        static encode(message: machine.Rollback.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Rollback & machine.Rollback.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Rollback;
        static toObject(message: machine.Rollback, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Rollback {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Rollback.$Properties;
    }

    interface IRollbackResponse extends machine.RollbackResponse.$Properties {
    }

    class RollbackResponse {
        constructor(properties?: machine.RollbackResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Rollback.$Properties[];
        static create(properties: machine.RollbackResponse.$Shape): machine.RollbackResponse & machine.RollbackResponse.$Shape;
        static create(properties?: machine.RollbackResponse.$Properties): machine.RollbackResponse;
        static encode(message: machine.RollbackResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RollbackResponse & machine.RollbackResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RollbackResponse;
        static toObject(message: machine.RollbackResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RollbackResponse {
        interface $Properties {
            messages?: (machine.Rollback.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RollbackResponse.$Properties;
    }

    interface IContainersRequest extends machine.ContainersRequest.$Properties {
    }

    class ContainersRequest {
        constructor(properties?: machine.ContainersRequest.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        driver: common.ContainerDriver;
        static create(properties: machine.ContainersRequest.$Shape): machine.ContainersRequest & machine.ContainersRequest.$Shape;
        static create(properties?: machine.ContainersRequest.$Properties): machine.ContainersRequest;
        static encode(message: machine.ContainersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ContainersRequest & machine.ContainersRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ContainersRequest;
        static toObject(message: machine.ContainersRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ContainersRequest {
        interface $Properties {
            namespace?: (string|null);
            driver?: (common.ContainerDriver|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ContainersRequest.$Properties;
    }

    interface IContainerInfo extends machine.ContainerInfo.$Properties {
    }

    class ContainerInfo {
        constructor(properties?: machine.ContainerInfo.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        id: string;
        image: string;
        pid: number;
        status: string;
        podId: string;
        name: string;
        static create(properties: machine.ContainerInfo.$Shape): machine.ContainerInfo & machine.ContainerInfo.$Shape;
        static create(properties?: machine.ContainerInfo.$Properties): machine.ContainerInfo;
        static encode(message: machine.ContainerInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ContainerInfo & machine.ContainerInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ContainerInfo;
        static toObject(message: machine.ContainerInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ContainerInfo {
        interface $Properties {
            namespace?: (string|null);
            id?: (string|null);
            image?: (string|null);
            pid?: (number|null);
            status?: (string|null);
            podId?: (string|null);
            name?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ContainerInfo.$Properties;
    }

    interface IContainer extends machine.Container.$Properties {
    }

    class Container {
        constructor(properties?: machine.Container.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        containers: machine.ContainerInfo.$Properties[];
        static create(properties: machine.Container.$Shape): machine.Container & machine.Container.$Shape;
        static create(properties?: machine.Container.$Properties): machine.Container;
        static encode(message: machine.Container.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Container & machine.Container.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Container;
        static toObject(message: machine.Container, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Container {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            containers?: (machine.ContainerInfo.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Container.$Properties;
    }

    interface IContainersResponse extends machine.ContainersResponse.$Properties {
    }

    class ContainersResponse {
        constructor(properties?: machine.ContainersResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Container.$Properties[];
        static create(properties: machine.ContainersResponse.$Shape): machine.ContainersResponse & machine.ContainersResponse.$Shape;
        static create(properties?: machine.ContainersResponse.$Properties): machine.ContainersResponse;
        static encode(message: machine.ContainersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ContainersResponse & machine.ContainersResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ContainersResponse;
        static toObject(message: machine.ContainersResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ContainersResponse {
        interface $Properties {
            messages?: (machine.Container.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ContainersResponse.$Properties;
    }

    interface IRestartRequest extends machine.RestartRequest.$Properties {
    }

    class RestartRequest {
        constructor(properties?: machine.RestartRequest.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        id: string;
        driver: common.ContainerDriver;
        static create(properties: machine.RestartRequest.$Shape): machine.RestartRequest & machine.RestartRequest.$Shape;
        static create(properties?: machine.RestartRequest.$Properties): machine.RestartRequest;
        static encode(message: machine.RestartRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RestartRequest & machine.RestartRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RestartRequest;
        static toObject(message: machine.RestartRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RestartRequest {
        interface $Properties {
            namespace?: (string|null);
            id?: (string|null);
            driver?: (common.ContainerDriver|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RestartRequest.$Properties;
    }

    interface IRestart extends machine.Restart.$Properties {
    }

    class Restart {
        constructor(properties?: machine.Restart.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.Restart.$Shape): machine.Restart & machine.Restart.$Shape;
        static create(properties?: machine.Restart.$Properties): machine.Restart;
        static encode(message: machine.Restart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Restart & machine.Restart.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Restart;
        static toObject(message: machine.Restart, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Restart {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Restart.$Properties;
    }

    interface IRestartResponse extends machine.RestartResponse.$Properties {
    }

    class RestartResponse {
        constructor(properties?: machine.RestartResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Restart.$Properties[];
        static create(properties: machine.RestartResponse.$Shape): machine.RestartResponse & machine.RestartResponse.$Shape;
        static create(properties?: machine.RestartResponse.$Properties): machine.RestartResponse;
        static encode(message: machine.RestartResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RestartResponse & machine.RestartResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RestartResponse;
        static toObject(message: machine.RestartResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RestartResponse {
        interface $Properties {
            messages?: (machine.Restart.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RestartResponse.$Properties;
    }

    interface IStatsRequest extends machine.StatsRequest.$Properties {
    }

    class StatsRequest {
        constructor(properties?: machine.StatsRequest.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        driver: common.ContainerDriver;
        static create(properties: machine.StatsRequest.$Shape): machine.StatsRequest & machine.StatsRequest.$Shape;
        static create(properties?: machine.StatsRequest.$Properties): machine.StatsRequest;
        static encode(message: machine.StatsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.StatsRequest & machine.StatsRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.StatsRequest;
        static toObject(message: machine.StatsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatsRequest {
        interface $Properties {
            namespace?: (string|null);
            driver?: (common.ContainerDriver|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.StatsRequest.$Properties;
    }

    interface IStats extends machine.Stats.$Properties {
    }

    class Stats {
        constructor(properties?: machine.Stats.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        stats: machine.Stat.$Properties[];
        static create(properties: machine.Stats.$Shape): machine.Stats & machine.Stats.$Shape;
        static create(properties?: machine.Stats.$Properties): machine.Stats;
        static encode(message: machine.Stats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Stats & machine.Stats.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Stats;
        static toObject(message: machine.Stats, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Stats {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            stats?: (machine.Stat.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Stats.$Properties;
    }

    interface IStatsResponse extends machine.StatsResponse.$Properties {
    }

    class StatsResponse {
        constructor(properties?: machine.StatsResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Stats.$Properties[];
        static create(properties: machine.StatsResponse.$Shape): machine.StatsResponse & machine.StatsResponse.$Shape;
        static create(properties?: machine.StatsResponse.$Properties): machine.StatsResponse;
        static encode(message: machine.StatsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.StatsResponse & machine.StatsResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.StatsResponse;
        static toObject(message: machine.StatsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatsResponse {
        interface $Properties {
            messages?: (machine.Stats.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.StatsResponse.$Properties;
    }

    interface IStat extends machine.Stat.$Properties {
    }

    class Stat {
        constructor(properties?: machine.Stat.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        id: string;
        memoryUsage: number;
        cpuUsage: number;
        podId: string;
        name: string;
        static create(properties: machine.Stat.$Shape): machine.Stat & machine.Stat.$Shape;
        static create(properties?: machine.Stat.$Properties): machine.Stat;
        static encode(message: machine.Stat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Stat & machine.Stat.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Stat;
        static toObject(message: machine.Stat, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Stat {
        interface $Properties {
            namespace?: (string|null);
            id?: (string|null);
            memoryUsage?: (number|null);
            cpuUsage?: (number|null);
            podId?: (string|null);
            name?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Stat.$Properties;
    }

    interface IProcessesRequest extends machine.ProcessesRequest.$Properties {
    }

    class ProcessesRequest {
        constructor(properties?: machine.ProcessesRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: machine.ProcessesRequest.$Shape): machine.ProcessesRequest & machine.ProcessesRequest.$Shape;
        static create(properties?: machine.ProcessesRequest.$Properties): machine.ProcessesRequest;
        static encode(message: machine.ProcessesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ProcessesRequest & machine.ProcessesRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ProcessesRequest;
        static toObject(message: machine.ProcessesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProcessesRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ProcessesRequest.$Properties;
    }

    interface IProcessesResponse extends machine.ProcessesResponse.$Properties {
    }

    class ProcessesResponse {
        constructor(properties?: machine.ProcessesResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Process.$Properties[];
        static create(properties: machine.ProcessesResponse.$Shape): machine.ProcessesResponse & machine.ProcessesResponse.$Shape;
        static create(properties?: machine.ProcessesResponse.$Properties): machine.ProcessesResponse;
        static encode(message: machine.ProcessesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ProcessesResponse & machine.ProcessesResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ProcessesResponse;
        static toObject(message: machine.ProcessesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProcessesResponse {
        interface $Properties {
            messages?: (machine.Process.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ProcessesResponse.$Properties;
    }

    interface IProcess extends machine.Process.$Properties {
    }

    class Process {
        constructor(properties?: machine.Process.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        processes: machine.ProcessInfo.$Properties[];
        static create(properties: machine.Process.$Shape): machine.Process & machine.Process.$Shape;
        static create(properties?: machine.Process.$Properties): machine.Process;
        static encode(message: machine.Process.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Process & machine.Process.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Process;
        static toObject(message: machine.Process, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Process {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            processes?: (machine.ProcessInfo.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Process.$Properties;
    }

    interface IProcessInfo extends machine.ProcessInfo.$Properties {
    }

    class ProcessInfo {
        constructor(properties?: machine.ProcessInfo.$Properties);
        $unknowns?: Uint8Array[];
        pid: number;
        ppid: number;
        state: string;
        threads: number;
        cpuTime: number;
        virtualMemory: number;
        residentMemory: number;
        command: string;
        executable: string;
        args: string;
        static create(properties: machine.ProcessInfo.$Shape): machine.ProcessInfo & machine.ProcessInfo.$Shape;
        static create(properties?: machine.ProcessInfo.$Properties): machine.ProcessInfo;
        static encode(message: machine.ProcessInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ProcessInfo & machine.ProcessInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ProcessInfo;
        static toObject(message: machine.ProcessInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProcessInfo {
        interface $Properties {
            pid?: (number|null);
            ppid?: (number|null);
            state?: (string|null);
            threads?: (number|null);
            cpuTime?: (number|null);
            virtualMemory?: (number|null);
            residentMemory?: (number|null);
            command?: (string|null);
            executable?: (string|null);
            args?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ProcessInfo.$Properties;
    }

    interface IMemory extends machine.Memory.$Properties {
    }

    class Memory {
        constructor(properties?: machine.Memory.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        meminfo?: (machine.MemInfo.$Properties|null);
        static create(properties: machine.Memory.$Shape): machine.Memory & machine.Memory.$Shape;
        static create(properties?: machine.Memory.$Properties): machine.Memory;
        static encode(message: machine.Memory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Memory & machine.Memory.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Memory;
        static toObject(message: machine.Memory, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Memory {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            meminfo?: (machine.MemInfo.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Memory.$Properties;
    }

    interface IMemoryResponse extends machine.MemoryResponse.$Properties {
    }

    class MemoryResponse {
        constructor(properties?: machine.MemoryResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Memory.$Properties[];
        static create(properties: machine.MemoryResponse.$Shape): machine.MemoryResponse & machine.MemoryResponse.$Shape;
        static create(properties?: machine.MemoryResponse.$Properties): machine.MemoryResponse;
        static encode(message: machine.MemoryResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.MemoryResponse & machine.MemoryResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.MemoryResponse;
        static toObject(message: machine.MemoryResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemoryResponse {
        interface $Properties {
            messages?: (machine.Memory.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.MemoryResponse.$Properties;
    }

    interface IMemInfo extends machine.MemInfo.$Properties {
    }

    class MemInfo {
        constructor(properties?: machine.MemInfo.$Properties);
        $unknowns?: Uint8Array[];
        memtotal: number;
        memfree: number;
        memavailable: number;
        buffers: number;
        cached: number;
        swapcached: number;
        active: number;
        inactive: number;
        activeanon: number;
        inactiveanon: number;
        activefile: number;
        inactivefile: number;
        unevictable: number;
        mlocked: number;
        swaptotal: number;
        swapfree: number;
        dirty: number;
        writeback: number;
        anonpages: number;
        mapped: number;
        shmem: number;
        slab: number;
        sreclaimable: number;
        sunreclaim: number;
        kernelstack: number;
        pagetables: number;
        nfsunstable: number;
        bounce: number;
        writebacktmp: number;
        commitlimit: number;
        committedas: number;
        vmalloctotal: number;
        vmallocused: number;
        vmallocchunk: number;
        hardwarecorrupted: number;
        anonhugepages: number;
        shmemhugepages: number;
        shmempmdmapped: number;
        cmatotal: number;
        cmafree: number;
        hugepagestotal: number;
        hugepagesfree: number;
        hugepagesrsvd: number;
        hugepagessurp: number;
        hugepagesize: number;
        directmap4k: number;
        directmap2m: number;
        directmap1g: number;
        static create(properties: machine.MemInfo.$Shape): machine.MemInfo & machine.MemInfo.$Shape;
        static create(properties?: machine.MemInfo.$Properties): machine.MemInfo;
        static encode(message: machine.MemInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.MemInfo & machine.MemInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.MemInfo;
        static toObject(message: machine.MemInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemInfo {
        interface $Properties {
            memtotal?: (number|null);
            memfree?: (number|null);
            memavailable?: (number|null);
            buffers?: (number|null);
            cached?: (number|null);
            swapcached?: (number|null);
            active?: (number|null);
            inactive?: (number|null);
            activeanon?: (number|null);
            inactiveanon?: (number|null);
            activefile?: (number|null);
            inactivefile?: (number|null);
            unevictable?: (number|null);
            mlocked?: (number|null);
            swaptotal?: (number|null);
            swapfree?: (number|null);
            dirty?: (number|null);
            writeback?: (number|null);
            anonpages?: (number|null);
            mapped?: (number|null);
            shmem?: (number|null);
            slab?: (number|null);
            sreclaimable?: (number|null);
            sunreclaim?: (number|null);
            kernelstack?: (number|null);
            pagetables?: (number|null);
            nfsunstable?: (number|null);
            bounce?: (number|null);
            writebacktmp?: (number|null);
            commitlimit?: (number|null);
            committedas?: (number|null);
            vmalloctotal?: (number|null);
            vmallocused?: (number|null);
            vmallocchunk?: (number|null);
            hardwarecorrupted?: (number|null);
            anonhugepages?: (number|null);
            shmemhugepages?: (number|null);
            shmempmdmapped?: (number|null);
            cmatotal?: (number|null);
            cmafree?: (number|null);
            hugepagestotal?: (number|null);
            hugepagesfree?: (number|null);
            hugepagesrsvd?: (number|null);
            hugepagessurp?: (number|null);
            hugepagesize?: (number|null);
            directmap4k?: (number|null);
            directmap2m?: (number|null);
            directmap1g?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.MemInfo.$Properties;
    }

    interface IHostnameResponse extends machine.HostnameResponse.$Properties {
    }

    class HostnameResponse {
        constructor(properties?: machine.HostnameResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.Hostname.$Properties[];
        static create(properties: machine.HostnameResponse.$Shape): machine.HostnameResponse & machine.HostnameResponse.$Shape;
        static create(properties?: machine.HostnameResponse.$Properties): machine.HostnameResponse;
        static encode(message: machine.HostnameResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.HostnameResponse & machine.HostnameResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.HostnameResponse;
        static toObject(message: machine.HostnameResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace HostnameResponse {
        interface $Properties {
            messages?: (machine.Hostname.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.HostnameResponse.$Properties;
    }

    interface IHostname extends machine.Hostname.$Properties {
    }

    class Hostname {
        constructor(properties?: machine.Hostname.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        hostname: string;
        static create(properties: machine.Hostname.$Shape): machine.Hostname & machine.Hostname.$Shape;
        static create(properties?: machine.Hostname.$Properties): machine.Hostname;
        static encode(message: machine.Hostname.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.Hostname & machine.Hostname.$Shape;
        static fromObject(object: { [k: string]: any }): machine.Hostname;
        static toObject(message: machine.Hostname, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Hostname {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            hostname?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.Hostname.$Properties;
    }

    interface ILoadAvgResponse extends machine.LoadAvgResponse.$Properties {
    }

    class LoadAvgResponse {
        constructor(properties?: machine.LoadAvgResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.LoadAvg.$Properties[];
        static create(properties: machine.LoadAvgResponse.$Shape): machine.LoadAvgResponse & machine.LoadAvgResponse.$Shape;
        static create(properties?: machine.LoadAvgResponse.$Properties): machine.LoadAvgResponse;
        static encode(message: machine.LoadAvgResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.LoadAvgResponse & machine.LoadAvgResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.LoadAvgResponse;
        static toObject(message: machine.LoadAvgResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace LoadAvgResponse {
        interface $Properties {
            messages?: (machine.LoadAvg.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.LoadAvgResponse.$Properties;
    }

    interface ILoadAvg extends machine.LoadAvg.$Properties {
    }

    class LoadAvg {
        constructor(properties?: machine.LoadAvg.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        load1: number;
        load5: number;
        load15: number;
        static create(properties: machine.LoadAvg.$Shape): machine.LoadAvg & machine.LoadAvg.$Shape;
        static create(properties?: machine.LoadAvg.$Properties): machine.LoadAvg;
        static encode(message: machine.LoadAvg.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.LoadAvg & machine.LoadAvg.$Shape;
        static fromObject(object: { [k: string]: any }): machine.LoadAvg;
        static toObject(message: machine.LoadAvg, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace LoadAvg {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            load1?: (number|null);
            load5?: (number|null);
            load15?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.LoadAvg.$Properties;
    }

    interface ISystemStatResponse extends machine.SystemStatResponse.$Properties {
    }

    class SystemStatResponse {
        constructor(properties?: machine.SystemStatResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.SystemStat.$Properties[];
        static create(properties: machine.SystemStatResponse.$Shape): machine.SystemStatResponse & machine.SystemStatResponse.$Shape;
        static create(properties?: machine.SystemStatResponse.$Properties): machine.SystemStatResponse;
        static encode(message: machine.SystemStatResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.SystemStatResponse & machine.SystemStatResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.SystemStatResponse;
        static toObject(message: machine.SystemStatResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace SystemStatResponse {
        interface $Properties {
            messages?: (machine.SystemStat.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.SystemStatResponse.$Properties;
    }

    interface ISystemStat extends machine.SystemStat.$Properties {
    }

    class SystemStat {
        constructor(properties?: machine.SystemStat.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        bootTime: number;
        cpuTotal?: (machine.CPUStat.$Properties|null);
        cpu: machine.CPUStat.$Properties[];
        irqTotal: number;
        irq: number[];
        contextSwitches: number;
        processCreated: number;
        processRunning: number;
        processBlocked: number;
        softIrqTotal: number;
        softIrq?: (machine.SoftIRQStat.$Properties|null);
        static create(properties: machine.SystemStat.$Shape): machine.SystemStat & machine.SystemStat.$Shape;
        static create(properties?: machine.SystemStat.$Properties): machine.SystemStat;
        static encode(message: machine.SystemStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.SystemStat & machine.SystemStat.$Shape;
        static fromObject(object: { [k: string]: any }): machine.SystemStat;
        static toObject(message: machine.SystemStat, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace SystemStat {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            bootTime?: (number|null);
            cpuTotal?: (machine.CPUStat.$Properties|null);
            cpu?: (machine.CPUStat.$Properties[]|null);
            irqTotal?: (number|null);
            irq?: (number[]|null);
            contextSwitches?: (number|null);
            processCreated?: (number|null);
            processRunning?: (number|null);
            processBlocked?: (number|null);
            softIrqTotal?: (number|null);
            softIrq?: (machine.SoftIRQStat.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.SystemStat.$Properties;
    }

    interface ICPUStat extends machine.CPUStat.$Properties {
    }

    class CPUStat {
        constructor(properties?: machine.CPUStat.$Properties);
        $unknowns?: Uint8Array[];
        user: number;
        nice: number;
        system: number;
        idle: number;
        iowait: number;
        irq: number;
        softIrq: number;
        steal: number;
        guest: number;
        guestNice: number;
        static create(properties: machine.CPUStat.$Shape): machine.CPUStat & machine.CPUStat.$Shape;
        static create(properties?: machine.CPUStat.$Properties): machine.CPUStat;
        static encode(message: machine.CPUStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.CPUStat & machine.CPUStat.$Shape;
        static fromObject(object: { [k: string]: any }): machine.CPUStat;
        static toObject(message: machine.CPUStat, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CPUStat {
        interface $Properties {
            user?: (number|null);
            nice?: (number|null);
            system?: (number|null);
            idle?: (number|null);
            iowait?: (number|null);
            irq?: (number|null);
            softIrq?: (number|null);
            steal?: (number|null);
            guest?: (number|null);
            guestNice?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.CPUStat.$Properties;
    }

    interface ISoftIRQStat extends machine.SoftIRQStat.$Properties {
    }

    class SoftIRQStat {
        constructor(properties?: machine.SoftIRQStat.$Properties);
        $unknowns?: Uint8Array[];
        hi: number;
        timer: number;
        netTx: number;
        netRx: number;
        block: number;
        blockIoPoll: number;
        tasklet: number;
        sched: number;
        hrtimer: number;
        rcu: number;
        static create(properties: machine.SoftIRQStat.$Shape): machine.SoftIRQStat & machine.SoftIRQStat.$Shape;
        static create(properties?: machine.SoftIRQStat.$Properties): machine.SoftIRQStat;
        static encode(message: machine.SoftIRQStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.SoftIRQStat & machine.SoftIRQStat.$Shape;
        static fromObject(object: { [k: string]: any }): machine.SoftIRQStat;
        static toObject(message: machine.SoftIRQStat, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace SoftIRQStat {
        interface $Properties {
            hi?: (number|null);
            timer?: (number|null);
            netTx?: (number|null);
            netRx?: (number|null);
            block?: (number|null);
            blockIoPoll?: (number|null);
            tasklet?: (number|null);
            sched?: (number|null);
            hrtimer?: (number|null);
            rcu?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.SoftIRQStat.$Properties;
    }

    interface ICPUInfoResponse extends machine.CPUInfoResponse.$Properties {
    }

    class CPUInfoResponse {
        constructor(properties?: machine.CPUInfoResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.CPUsInfo.$Properties[];
        static create(properties: machine.CPUInfoResponse.$Shape): machine.CPUInfoResponse & machine.CPUInfoResponse.$Shape;
        static create(properties?: machine.CPUInfoResponse.$Properties): machine.CPUInfoResponse;
        static encode(message: machine.CPUInfoResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.CPUInfoResponse & machine.CPUInfoResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.CPUInfoResponse;
        static toObject(message: machine.CPUInfoResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CPUInfoResponse {
        interface $Properties {
            messages?: (machine.CPUsInfo.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.CPUInfoResponse.$Properties;
    }

    interface ICPUsInfo extends machine.CPUsInfo.$Properties {
    }

    class CPUsInfo {
        constructor(properties?: machine.CPUsInfo.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        cpuInfo: machine.CPUInfo.$Properties[];
        static create(properties: machine.CPUsInfo.$Shape): machine.CPUsInfo & machine.CPUsInfo.$Shape;
        static create(properties?: machine.CPUsInfo.$Properties): machine.CPUsInfo;
        static encode(message: machine.CPUsInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.CPUsInfo & machine.CPUsInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.CPUsInfo;
        static toObject(message: machine.CPUsInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CPUsInfo {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            cpuInfo?: (machine.CPUInfo.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.CPUsInfo.$Properties;
    }

    interface ICPUInfo extends machine.CPUInfo.$Properties {
    }

    class CPUInfo {
        constructor(properties?: machine.CPUInfo.$Properties);
        $unknowns?: Uint8Array[];
        processor: number;
        vendorId: string;
        cpuFamily: string;
        model: string;
        modelName: string;
        stepping: string;
        microcode: string;
        cpuMhz: number;
        cacheSize: string;
        physicalId: string;
        siblings: number;
        coreId: string;
        cpuCores: number;
        apicId: string;
        initialApicId: string;
        fpu: string;
        fpuException: string;
        cpuIdLevel: number;
        wp: string;
        flags: string[];
        bugs: string[];
        bogoMips: number;
        clFlushSize: number;
        cacheAlignment: number;
        addressSizes: string;
        powerManagement: string;
        static create(properties: machine.CPUInfo.$Shape): machine.CPUInfo & machine.CPUInfo.$Shape;
        static create(properties?: machine.CPUInfo.$Properties): machine.CPUInfo;
        static encode(message: machine.CPUInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.CPUInfo & machine.CPUInfo.$Shape;
        static fromObject(object: { [k: string]: any }): machine.CPUInfo;
        static toObject(message: machine.CPUInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CPUInfo {
        interface $Properties {
            processor?: (number|null);
            vendorId?: (string|null);
            cpuFamily?: (string|null);
            model?: (string|null);
            modelName?: (string|null);
            stepping?: (string|null);
            microcode?: (string|null);
            cpuMhz?: (number|null);
            cacheSize?: (string|null);
            physicalId?: (string|null);
            siblings?: (number|null);
            coreId?: (string|null);
            cpuCores?: (number|null);
            apicId?: (string|null);
            initialApicId?: (string|null);
            fpu?: (string|null);
            fpuException?: (string|null);
            cpuIdLevel?: (number|null);
            wp?: (string|null);
            flags?: (string[]|null);
            bugs?: (string[]|null);
            bogoMips?: (number|null);
            clFlushSize?: (number|null);
            cacheAlignment?: (number|null);
            addressSizes?: (string|null);
            powerManagement?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.CPUInfo.$Properties;
    }

    interface INetworkDeviceStatsResponse extends machine.NetworkDeviceStatsResponse.$Properties {
    }

    class NetworkDeviceStatsResponse {
        constructor(properties?: machine.NetworkDeviceStatsResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.NetworkDeviceStats.$Properties[];
        static create(properties: machine.NetworkDeviceStatsResponse.$Shape): machine.NetworkDeviceStatsResponse & machine.NetworkDeviceStatsResponse.$Shape;
        static create(properties?: machine.NetworkDeviceStatsResponse.$Properties): machine.NetworkDeviceStatsResponse;
        static encode(message: machine.NetworkDeviceStatsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.NetworkDeviceStatsResponse & machine.NetworkDeviceStatsResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.NetworkDeviceStatsResponse;
        static toObject(message: machine.NetworkDeviceStatsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetworkDeviceStatsResponse {
        interface $Properties {
            messages?: (machine.NetworkDeviceStats.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.NetworkDeviceStatsResponse.$Properties;
    }

    interface INetworkDeviceStats extends machine.NetworkDeviceStats.$Properties {
    }

    class NetworkDeviceStats {
        constructor(properties?: machine.NetworkDeviceStats.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        total?: (machine.NetDev.$Properties|null);
        devices: machine.NetDev.$Properties[];
        static create(properties: machine.NetworkDeviceStats.$Shape): machine.NetworkDeviceStats & machine.NetworkDeviceStats.$Shape;
        static create(properties?: machine.NetworkDeviceStats.$Properties): machine.NetworkDeviceStats;
        static encode(message: machine.NetworkDeviceStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.NetworkDeviceStats & machine.NetworkDeviceStats.$Shape;
        static fromObject(object: { [k: string]: any }): machine.NetworkDeviceStats;
        static toObject(message: machine.NetworkDeviceStats, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetworkDeviceStats {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            total?: (machine.NetDev.$Properties|null);
            devices?: (machine.NetDev.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.NetworkDeviceStats.$Properties;
    }

    interface INetDev extends machine.NetDev.$Properties {
    }

    class NetDev {
        constructor(properties?: machine.NetDev.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        rxBytes: number;
        rxPackets: number;
        rxErrors: number;
        rxDropped: number;
        rxFifo: number;
        rxFrame: number;
        rxCompressed: number;
        rxMulticast: number;
        txBytes: number;
        txPackets: number;
        txErrors: number;
        txDropped: number;
        txFifo: number;
        txCollisions: number;
        txCarrier: number;
        txCompressed: number;
        static create(properties: machine.NetDev.$Shape): machine.NetDev & machine.NetDev.$Shape;
        static create(properties?: machine.NetDev.$Properties): machine.NetDev;
        static encode(message: machine.NetDev.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.NetDev & machine.NetDev.$Shape;
        static fromObject(object: { [k: string]: any }): machine.NetDev;
        static toObject(message: machine.NetDev, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetDev {
        interface $Properties {
            name?: (string|null);
            rxBytes?: (number|null);
            rxPackets?: (number|null);
            rxErrors?: (number|null);
            rxDropped?: (number|null);
            rxFifo?: (number|null);
            rxFrame?: (number|null);
            rxCompressed?: (number|null);
            rxMulticast?: (number|null);
            txBytes?: (number|null);
            txPackets?: (number|null);
            txErrors?: (number|null);
            txDropped?: (number|null);
            txFifo?: (number|null);
            txCollisions?: (number|null);
            txCarrier?: (number|null);
            txCompressed?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.NetDev.$Properties;
    }

    interface IDiskStatsResponse extends machine.DiskStatsResponse.$Properties {
    }

    class DiskStatsResponse {
        constructor(properties?: machine.DiskStatsResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.DiskStats.$Properties[];
        static create(properties: machine.DiskStatsResponse.$Shape): machine.DiskStatsResponse & machine.DiskStatsResponse.$Shape;
        static create(properties?: machine.DiskStatsResponse.$Properties): machine.DiskStatsResponse;
        static encode(message: machine.DiskStatsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.DiskStatsResponse & machine.DiskStatsResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.DiskStatsResponse;
        static toObject(message: machine.DiskStatsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DiskStatsResponse {
        interface $Properties {
            messages?: (machine.DiskStats.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.DiskStatsResponse.$Properties;
    }

    interface IDiskStats extends machine.DiskStats.$Properties {
    }

    class DiskStats {
        constructor(properties?: machine.DiskStats.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        total?: (machine.DiskStat.$Properties|null);
        devices: machine.DiskStat.$Properties[];
        static create(properties: machine.DiskStats.$Shape): machine.DiskStats & machine.DiskStats.$Shape;
        static create(properties?: machine.DiskStats.$Properties): machine.DiskStats;
        static encode(message: machine.DiskStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.DiskStats & machine.DiskStats.$Shape;
        static fromObject(object: { [k: string]: any }): machine.DiskStats;
        static toObject(message: machine.DiskStats, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DiskStats {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            total?: (machine.DiskStat.$Properties|null);
            devices?: (machine.DiskStat.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.DiskStats.$Properties;
    }

    interface IDiskStat extends machine.DiskStat.$Properties {
    }

    class DiskStat {
        constructor(properties?: machine.DiskStat.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        readCompleted: number;
        readMerged: number;
        readSectors: number;
        readTimeMs: number;
        writeCompleted: number;
        writeMerged: number;
        writeSectors: number;
        writeTimeMs: number;
        ioInProgress: number;
        ioTimeMs: number;
        ioTimeWeightedMs: number;
        discardCompleted: number;
        discardMerged: number;
        discardSectors: number;
        discardTimeMs: number;
        static create(properties: machine.DiskStat.$Shape): machine.DiskStat & machine.DiskStat.$Shape;
        static create(properties?: machine.DiskStat.$Properties): machine.DiskStat;
        static encode(message: machine.DiskStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.DiskStat & machine.DiskStat.$Shape;
        static fromObject(object: { [k: string]: any }): machine.DiskStat;
        static toObject(message: machine.DiskStat, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DiskStat {
        interface $Properties {
            name?: (string|null);
            readCompleted?: (number|null);
            readMerged?: (number|null);
            readSectors?: (number|null);
            readTimeMs?: (number|null);
            writeCompleted?: (number|null);
            writeMerged?: (number|null);
            writeSectors?: (number|null);
            writeTimeMs?: (number|null);
            ioInProgress?: (number|null);
            ioTimeMs?: (number|null);
            ioTimeWeightedMs?: (number|null);
            discardCompleted?: (number|null);
            discardMerged?: (number|null);
            discardSectors?: (number|null);
            discardTimeMs?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.DiskStat.$Properties;
    }

    interface IEtcdLeaveClusterRequest extends machine.EtcdLeaveClusterRequest.$Properties {
    }

    class EtcdLeaveClusterRequest {
        constructor(properties?: machine.EtcdLeaveClusterRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: machine.EtcdLeaveClusterRequest.$Shape): machine.EtcdLeaveClusterRequest & machine.EtcdLeaveClusterRequest.$Shape;
        static create(properties?: machine.EtcdLeaveClusterRequest.$Properties): machine.EtcdLeaveClusterRequest;
        static encode(message: machine.EtcdLeaveClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdLeaveClusterRequest & machine.EtcdLeaveClusterRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdLeaveClusterRequest;
        static toObject(message: machine.EtcdLeaveClusterRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdLeaveClusterRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdLeaveClusterRequest.$Properties;
    }

    interface IEtcdLeaveCluster extends machine.EtcdLeaveCluster.$Properties {
    }

    class EtcdLeaveCluster {
        constructor(properties?: machine.EtcdLeaveCluster.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.EtcdLeaveCluster.$Shape): machine.EtcdLeaveCluster & machine.EtcdLeaveCluster.$Shape;
        static create(properties?: machine.EtcdLeaveCluster.$Properties): machine.EtcdLeaveCluster;
        static encode(message: machine.EtcdLeaveCluster.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdLeaveCluster & machine.EtcdLeaveCluster.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdLeaveCluster;
        static toObject(message: machine.EtcdLeaveCluster, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdLeaveCluster {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdLeaveCluster.$Properties;
    }

    interface IEtcdLeaveClusterResponse extends machine.EtcdLeaveClusterResponse.$Properties {
    }

    class EtcdLeaveClusterResponse {
        constructor(properties?: machine.EtcdLeaveClusterResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.EtcdLeaveCluster.$Properties[];
        static create(properties: machine.EtcdLeaveClusterResponse.$Shape): machine.EtcdLeaveClusterResponse & machine.EtcdLeaveClusterResponse.$Shape;
        static create(properties?: machine.EtcdLeaveClusterResponse.$Properties): machine.EtcdLeaveClusterResponse;
        static encode(message: machine.EtcdLeaveClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdLeaveClusterResponse & machine.EtcdLeaveClusterResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdLeaveClusterResponse;
        static toObject(message: machine.EtcdLeaveClusterResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdLeaveClusterResponse {
        interface $Properties {
            messages?: (machine.EtcdLeaveCluster.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdLeaveClusterResponse.$Properties;
    }

    interface IEtcdRemoveMemberRequest extends machine.EtcdRemoveMemberRequest.$Properties {
    }

    class EtcdRemoveMemberRequest {
        constructor(properties?: machine.EtcdRemoveMemberRequest.$Properties);
        $unknowns?: Uint8Array[];
        member: string;
        static create(properties: machine.EtcdRemoveMemberRequest.$Shape): machine.EtcdRemoveMemberRequest & machine.EtcdRemoveMemberRequest.$Shape;
        static create(properties?: machine.EtcdRemoveMemberRequest.$Properties): machine.EtcdRemoveMemberRequest;
        static encode(message: machine.EtcdRemoveMemberRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdRemoveMemberRequest & machine.EtcdRemoveMemberRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdRemoveMemberRequest;
        static toObject(message: machine.EtcdRemoveMemberRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdRemoveMemberRequest {
        interface $Properties {
            member?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdRemoveMemberRequest.$Properties;
    }

    interface IEtcdRemoveMember extends machine.EtcdRemoveMember.$Properties {
    }

    class EtcdRemoveMember {
        constructor(properties?: machine.EtcdRemoveMember.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        static create(properties: machine.EtcdRemoveMember.$Shape): machine.EtcdRemoveMember & machine.EtcdRemoveMember.$Shape;
        static create(properties?: machine.EtcdRemoveMember.$Properties): machine.EtcdRemoveMember;
        static encode(message: machine.EtcdRemoveMember.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdRemoveMember & machine.EtcdRemoveMember.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdRemoveMember;
        static toObject(message: machine.EtcdRemoveMember, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdRemoveMember {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdRemoveMember.$Properties;
    }

    interface IEtcdRemoveMemberResponse extends machine.EtcdRemoveMemberResponse.$Properties {
    }

    class EtcdRemoveMemberResponse {
        constructor(properties?: machine.EtcdRemoveMemberResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.EtcdRemoveMember.$Properties[];
        static create(properties: machine.EtcdRemoveMemberResponse.$Shape): machine.EtcdRemoveMemberResponse & machine.EtcdRemoveMemberResponse.$Shape;
        static create(properties?: machine.EtcdRemoveMemberResponse.$Properties): machine.EtcdRemoveMemberResponse;
        static encode(message: machine.EtcdRemoveMemberResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdRemoveMemberResponse & machine.EtcdRemoveMemberResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdRemoveMemberResponse;
        static toObject(message: machine.EtcdRemoveMemberResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdRemoveMemberResponse {
        interface $Properties {
            messages?: (machine.EtcdRemoveMember.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdRemoveMemberResponse.$Properties;
    }

    interface IEtcdForfeitLeadershipRequest extends machine.EtcdForfeitLeadershipRequest.$Properties {
    }

    class EtcdForfeitLeadershipRequest {
        constructor(properties?: machine.EtcdForfeitLeadershipRequest.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: machine.EtcdForfeitLeadershipRequest.$Shape): machine.EtcdForfeitLeadershipRequest & machine.EtcdForfeitLeadershipRequest.$Shape;
        static create(properties?: machine.EtcdForfeitLeadershipRequest.$Properties): machine.EtcdForfeitLeadershipRequest;
        static encode(message: machine.EtcdForfeitLeadershipRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdForfeitLeadershipRequest & machine.EtcdForfeitLeadershipRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdForfeitLeadershipRequest;
        static toObject(message: machine.EtcdForfeitLeadershipRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdForfeitLeadershipRequest {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdForfeitLeadershipRequest.$Properties;
    }

    interface IEtcdForfeitLeadership extends machine.EtcdForfeitLeadership.$Properties {
    }

    class EtcdForfeitLeadership {
        constructor(properties?: machine.EtcdForfeitLeadership.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        member: string;
        static create(properties: machine.EtcdForfeitLeadership.$Shape): machine.EtcdForfeitLeadership & machine.EtcdForfeitLeadership.$Shape;
        static create(properties?: machine.EtcdForfeitLeadership.$Properties): machine.EtcdForfeitLeadership;
        static encode(message: machine.EtcdForfeitLeadership.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdForfeitLeadership & machine.EtcdForfeitLeadership.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdForfeitLeadership;
        static toObject(message: machine.EtcdForfeitLeadership, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdForfeitLeadership {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            member?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdForfeitLeadership.$Properties;
    }

    interface IEtcdForfeitLeadershipResponse extends machine.EtcdForfeitLeadershipResponse.$Properties {
    }

    class EtcdForfeitLeadershipResponse {
        constructor(properties?: machine.EtcdForfeitLeadershipResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.EtcdForfeitLeadership.$Properties[];
        static create(properties: machine.EtcdForfeitLeadershipResponse.$Shape): machine.EtcdForfeitLeadershipResponse & machine.EtcdForfeitLeadershipResponse.$Shape;
        static create(properties?: machine.EtcdForfeitLeadershipResponse.$Properties): machine.EtcdForfeitLeadershipResponse;
        static encode(message: machine.EtcdForfeitLeadershipResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdForfeitLeadershipResponse & machine.EtcdForfeitLeadershipResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdForfeitLeadershipResponse;
        static toObject(message: machine.EtcdForfeitLeadershipResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdForfeitLeadershipResponse {
        interface $Properties {
            messages?: (machine.EtcdForfeitLeadership.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdForfeitLeadershipResponse.$Properties;
    }

    interface IEtcdMemberListRequest extends machine.EtcdMemberListRequest.$Properties {
    }

    class EtcdMemberListRequest {
        constructor(properties?: machine.EtcdMemberListRequest.$Properties);
        $unknowns?: Uint8Array[];
        queryLocal: boolean;
        static create(properties: machine.EtcdMemberListRequest.$Shape): machine.EtcdMemberListRequest & machine.EtcdMemberListRequest.$Shape;
        static create(properties?: machine.EtcdMemberListRequest.$Properties): machine.EtcdMemberListRequest;
        static encode(message: machine.EtcdMemberListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdMemberListRequest & machine.EtcdMemberListRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdMemberListRequest;
        static toObject(message: machine.EtcdMemberListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdMemberListRequest {
        interface $Properties {
            queryLocal?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdMemberListRequest.$Properties;
    }

    interface IEtcdMemberList extends machine.EtcdMemberList.$Properties {
    }

    class EtcdMemberList {
        constructor(properties?: machine.EtcdMemberList.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        members: string[];
        static create(properties: machine.EtcdMemberList.$Shape): machine.EtcdMemberList & machine.EtcdMemberList.$Shape;
        static create(properties?: machine.EtcdMemberList.$Properties): machine.EtcdMemberList;
        static encode(message: machine.EtcdMemberList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdMemberList & machine.EtcdMemberList.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdMemberList;
        static toObject(message: machine.EtcdMemberList, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdMemberList {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            members?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdMemberList.$Properties;
    }

    interface IEtcdMemberListResponse extends machine.EtcdMemberListResponse.$Properties {
    }

    class EtcdMemberListResponse {
        constructor(properties?: machine.EtcdMemberListResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.EtcdMemberList.$Properties[];
        static create(properties: machine.EtcdMemberListResponse.$Shape): machine.EtcdMemberListResponse & machine.EtcdMemberListResponse.$Shape;
        static create(properties?: machine.EtcdMemberListResponse.$Properties): machine.EtcdMemberListResponse;
        static encode(message: machine.EtcdMemberListResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.EtcdMemberListResponse & machine.EtcdMemberListResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.EtcdMemberListResponse;
        static toObject(message: machine.EtcdMemberListResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace EtcdMemberListResponse {
        interface $Properties {
            messages?: (machine.EtcdMemberList.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.EtcdMemberListResponse.$Properties;
    }

    interface IRouteConfig extends machine.RouteConfig.$Properties {
    }

    class RouteConfig {
        constructor(properties?: machine.RouteConfig.$Properties);
        $unknowns?: Uint8Array[];
        network: string;
        gateway: string;
        metric: number;
        static create(properties: machine.RouteConfig.$Shape): machine.RouteConfig & machine.RouteConfig.$Shape;
        static create(properties?: machine.RouteConfig.$Properties): machine.RouteConfig;
        static encode(message: machine.RouteConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.RouteConfig & machine.RouteConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.RouteConfig;
        static toObject(message: machine.RouteConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RouteConfig {
        interface $Properties {
            network?: (string|null);
            gateway?: (string|null);
            metric?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.RouteConfig.$Properties;
    }

    interface IDHCPOptionsConfig extends machine.DHCPOptionsConfig.$Properties {
    }

    class DHCPOptionsConfig {
        constructor(properties?: machine.DHCPOptionsConfig.$Properties);
        $unknowns?: Uint8Array[];
        routeMetric: number;
        static create(properties: machine.DHCPOptionsConfig.$Shape): machine.DHCPOptionsConfig & machine.DHCPOptionsConfig.$Shape;
        static create(properties?: machine.DHCPOptionsConfig.$Properties): machine.DHCPOptionsConfig;
        static encode(message: machine.DHCPOptionsConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.DHCPOptionsConfig & machine.DHCPOptionsConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.DHCPOptionsConfig;
        static toObject(message: machine.DHCPOptionsConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DHCPOptionsConfig {
        interface $Properties {
            routeMetric?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.DHCPOptionsConfig.$Properties;
    }

    interface INetworkDeviceConfig extends machine.NetworkDeviceConfig.$Properties {
    }

    class NetworkDeviceConfig {
        constructor(properties?: machine.NetworkDeviceConfig.$Properties);
        $unknowns?: Uint8Array[];
        interface: string;
        cidr: string;
        mtu: number;
        dhcp: boolean;
        ignore: boolean;
        dhcpOptions?: (machine.DHCPOptionsConfig.$Properties|null);
        routes: machine.RouteConfig.$Properties[];
        static create(properties: machine.NetworkDeviceConfig.$Shape): machine.NetworkDeviceConfig & machine.NetworkDeviceConfig.$Shape;
        static create(properties?: machine.NetworkDeviceConfig.$Properties): machine.NetworkDeviceConfig;
        static encode(message: machine.NetworkDeviceConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.NetworkDeviceConfig & machine.NetworkDeviceConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.NetworkDeviceConfig;
        static toObject(message: machine.NetworkDeviceConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetworkDeviceConfig {
        interface $Properties {
            "interface"?: (string|null);
            cidr?: (string|null);
            mtu?: (number|null);
            dhcp?: (boolean|null);
            ignore?: (boolean|null);
            dhcpOptions?: (machine.DHCPOptionsConfig.$Properties|null);
            routes?: (machine.RouteConfig.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.NetworkDeviceConfig.$Properties;
    }

    interface INetworkConfig extends machine.NetworkConfig.$Properties {
    }

    class NetworkConfig {
        constructor(properties?: machine.NetworkConfig.$Properties);
        $unknowns?: Uint8Array[];
        hostname: string;
        interfaces: machine.NetworkDeviceConfig.$Properties[];
        static create(properties: machine.NetworkConfig.$Shape): machine.NetworkConfig & machine.NetworkConfig.$Shape;
        static create(properties?: machine.NetworkConfig.$Properties): machine.NetworkConfig;
        static encode(message: machine.NetworkConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.NetworkConfig & machine.NetworkConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.NetworkConfig;
        static toObject(message: machine.NetworkConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace NetworkConfig {
        interface $Properties {
            hostname?: (string|null);
            interfaces?: (machine.NetworkDeviceConfig.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.NetworkConfig.$Properties;
    }

    interface IInstallConfig extends machine.InstallConfig.$Properties {
    }

    class InstallConfig {
        constructor(properties?: machine.InstallConfig.$Properties);
        $unknowns?: Uint8Array[];
        installDisk: string;
        installImage: string;
        static create(properties: machine.InstallConfig.$Shape): machine.InstallConfig & machine.InstallConfig.$Shape;
        static create(properties?: machine.InstallConfig.$Properties): machine.InstallConfig;
        static encode(message: machine.InstallConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.InstallConfig & machine.InstallConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.InstallConfig;
        static toObject(message: machine.InstallConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace InstallConfig {
        interface $Properties {
            installDisk?: (string|null);
            installImage?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.InstallConfig.$Properties;
    }

    interface IMachineConfig extends machine.MachineConfig.$Properties {
    }

    class MachineConfig {
        constructor(properties?: machine.MachineConfig.$Properties);
        $unknowns?: Uint8Array[];
        type: machine.MachineConfig.MachineType;
        installConfig?: (machine.InstallConfig.$Properties|null);
        networkConfig?: (machine.NetworkConfig.$Properties|null);
        kubernetesVersion: string;
        static create(properties: machine.MachineConfig.$Shape): machine.MachineConfig & machine.MachineConfig.$Shape;
        static create(properties?: machine.MachineConfig.$Properties): machine.MachineConfig;
        static encode(message: machine.MachineConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.MachineConfig & machine.MachineConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.MachineConfig;
        static toObject(message: machine.MachineConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace MachineConfig {
        interface $Properties {
            type?: (machine.MachineConfig.MachineType|null);
            installConfig?: (machine.InstallConfig.$Properties|null);
            networkConfig?: (machine.NetworkConfig.$Properties|null);
            kubernetesVersion?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.MachineConfig.$Properties;

        enum MachineType {
            TYPE_UNKNOWN = 0,
            TYPE_INIT = 1,
            TYPE_CONTROL_PLANE = 2,
            TYPE_JOIN = 3
        }
    }

    interface IControlPlaneConfig extends machine.ControlPlaneConfig.$Properties {
    }

    class ControlPlaneConfig {
        constructor(properties?: machine.ControlPlaneConfig.$Properties);
        $unknowns?: Uint8Array[];
        endpoint: string;
        static create(properties: machine.ControlPlaneConfig.$Shape): machine.ControlPlaneConfig & machine.ControlPlaneConfig.$Shape;
        static create(properties?: machine.ControlPlaneConfig.$Properties): machine.ControlPlaneConfig;
        static encode(message: machine.ControlPlaneConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ControlPlaneConfig & machine.ControlPlaneConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ControlPlaneConfig;
        static toObject(message: machine.ControlPlaneConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ControlPlaneConfig {
        interface $Properties {
            endpoint?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ControlPlaneConfig.$Properties;
    }

    interface ICNIConfig extends machine.CNIConfig.$Properties {
    }

    class CNIConfig {
        constructor(properties?: machine.CNIConfig.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        urls: string[];
        static create(properties: machine.CNIConfig.$Shape): machine.CNIConfig & machine.CNIConfig.$Shape;
        static create(properties?: machine.CNIConfig.$Properties): machine.CNIConfig;
        static encode(message: machine.CNIConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.CNIConfig & machine.CNIConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.CNIConfig;
        static toObject(message: machine.CNIConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CNIConfig {
        interface $Properties {
            name?: (string|null);
            urls?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.CNIConfig.$Properties;
    }

    interface IClusterNetworkConfig extends machine.ClusterNetworkConfig.$Properties {
    }

    class ClusterNetworkConfig {
        constructor(properties?: machine.ClusterNetworkConfig.$Properties);
        $unknowns?: Uint8Array[];
        dnsDomain: string;
        cniConfig?: (machine.CNIConfig.$Properties|null);
        static create(properties: machine.ClusterNetworkConfig.$Shape): machine.ClusterNetworkConfig & machine.ClusterNetworkConfig.$Shape;
        static create(properties?: machine.ClusterNetworkConfig.$Properties): machine.ClusterNetworkConfig;
        static encode(message: machine.ClusterNetworkConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ClusterNetworkConfig & machine.ClusterNetworkConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ClusterNetworkConfig;
        static toObject(message: machine.ClusterNetworkConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ClusterNetworkConfig {
        interface $Properties {
            dnsDomain?: (string|null);
            cniConfig?: (machine.CNIConfig.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ClusterNetworkConfig.$Properties;
    }

    interface IClusterConfig extends machine.ClusterConfig.$Properties {
    }

    class ClusterConfig {
        constructor(properties?: machine.ClusterConfig.$Properties);
        $unknowns?: Uint8Array[];
        name: string;
        controlPlane?: (machine.ControlPlaneConfig.$Properties|null);
        clusterNetwork?: (machine.ClusterNetworkConfig.$Properties|null);
        allowSchedulingOnMasters: boolean;
        static create(properties: machine.ClusterConfig.$Shape): machine.ClusterConfig & machine.ClusterConfig.$Shape;
        static create(properties?: machine.ClusterConfig.$Properties): machine.ClusterConfig;
        static encode(message: machine.ClusterConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.ClusterConfig & machine.ClusterConfig.$Shape;
        static fromObject(object: { [k: string]: any }): machine.ClusterConfig;
        static toObject(message: machine.ClusterConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ClusterConfig {
        interface $Properties {
            name?: (string|null);
            controlPlane?: (machine.ControlPlaneConfig.$Properties|null);
            clusterNetwork?: (machine.ClusterNetworkConfig.$Properties|null);
            allowSchedulingOnMasters?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.ClusterConfig.$Properties;
    }

    interface IGenerateConfigurationRequest extends machine.GenerateConfigurationRequest.$Properties {
    }

    class GenerateConfigurationRequest {
        constructor(properties?: machine.GenerateConfigurationRequest.$Properties);
        $unknowns?: Uint8Array[];
        configVersion: string;
        clusterConfig?: (machine.ClusterConfig.$Properties|null);
        machineConfig?: (machine.MachineConfig.$Properties|null);
        overrideTime?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: machine.GenerateConfigurationRequest.$Shape): machine.GenerateConfigurationRequest & machine.GenerateConfigurationRequest.$Shape;
        static create(properties?: machine.GenerateConfigurationRequest.$Properties): machine.GenerateConfigurationRequest;
        static encode(message: machine.GenerateConfigurationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.GenerateConfigurationRequest & machine.GenerateConfigurationRequest.$Shape;
        static fromObject(object: { [k: string]: any }): machine.GenerateConfigurationRequest;
        static toObject(message: machine.GenerateConfigurationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace GenerateConfigurationRequest {
        interface $Properties {
            configVersion?: (string|null);
            clusterConfig?: (machine.ClusterConfig.$Properties|null);
            machineConfig?: (machine.MachineConfig.$Properties|null);
            overrideTime?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.GenerateConfigurationRequest.$Properties;
    }

    interface IGenerateConfiguration extends machine.GenerateConfiguration.$Properties {
    }

    class GenerateConfiguration {
        constructor(properties?: machine.GenerateConfiguration.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        data: Uint8Array[];
        talosconfig: Uint8Array;
        static create(properties: machine.GenerateConfiguration.$Shape): machine.GenerateConfiguration & machine.GenerateConfiguration.$Shape;
        static create(properties?: machine.GenerateConfiguration.$Properties): machine.GenerateConfiguration;
        static encode(message: machine.GenerateConfiguration.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.GenerateConfiguration & machine.GenerateConfiguration.$Shape;
        static fromObject(object: { [k: string]: any }): machine.GenerateConfiguration;
        static toObject(message: machine.GenerateConfiguration, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace GenerateConfiguration {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            data?: (Uint8Array[]|null);
            talosconfig?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.GenerateConfiguration.$Properties;
    }

    interface IGenerateConfigurationResponse extends machine.GenerateConfigurationResponse.$Properties {
    }

    class GenerateConfigurationResponse {
        constructor(properties?: machine.GenerateConfigurationResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: machine.GenerateConfiguration.$Properties[];
        static create(properties: machine.GenerateConfigurationResponse.$Shape): machine.GenerateConfigurationResponse & machine.GenerateConfigurationResponse.$Shape;
        static create(properties?: machine.GenerateConfigurationResponse.$Properties): machine.GenerateConfigurationResponse;
        static encode(message: machine.GenerateConfigurationResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): machine.GenerateConfigurationResponse & machine.GenerateConfigurationResponse.$Shape;
        static fromObject(object: { [k: string]: any }): machine.GenerateConfigurationResponse;
        static toObject(message: machine.GenerateConfigurationResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace GenerateConfigurationResponse {
        interface $Properties {
            messages?: (machine.GenerateConfiguration.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = machine.GenerateConfigurationResponse.$Properties;
    }
}

export namespace google {

    namespace protobuf {

        interface IAny extends google.protobuf.Any.$Properties {
        }

        class Any {
            constructor(properties?: google.protobuf.Any.$Properties);
            $unknowns?: Uint8Array[];
            type_url: string;
            value: Uint8Array;
            static create(properties: google.protobuf.Any.$Shape): google.protobuf.Any & google.protobuf.Any.$Shape;
            static create(properties?: google.protobuf.Any.$Properties): google.protobuf.Any;
            static encode(message: google.protobuf.Any.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Any & google.protobuf.Any.$Shape;
            static fromObject(object: { [k: string]: any }): google.protobuf.Any;
            static toObject(message: google.protobuf.Any, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Any {
            interface $Properties {
                type_url?: (string|null);
                value?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Any.$Properties;
        }

        interface IDuration extends google.protobuf.Duration.$Properties {
        }

        class Duration {
            constructor(properties?: google.protobuf.Duration.$Properties);
            $unknowns?: Uint8Array[];
            seconds: number;
            nanos: number;
            static create(properties: google.protobuf.Duration.$Shape): google.protobuf.Duration & google.protobuf.Duration.$Shape;
            static create(properties?: google.protobuf.Duration.$Properties): google.protobuf.Duration;
            static encode(message: google.protobuf.Duration.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Duration & google.protobuf.Duration.$Shape;
            static fromObject(object: { [k: string]: any }): google.protobuf.Duration;
            static toObject(message: google.protobuf.Duration, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Duration {
            interface $Properties {
                seconds?: (number|null);
                nanos?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Duration.$Properties;
        }

        interface IEmpty extends google.protobuf.Empty.$Properties {
        }

        class Empty {
            constructor(properties?: google.protobuf.Empty.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: google.protobuf.Empty.$Shape): google.protobuf.Empty & google.protobuf.Empty.$Shape;
            static create(properties?: google.protobuf.Empty.$Properties): google.protobuf.Empty;
            static encode(message: google.protobuf.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Empty & google.protobuf.Empty.$Shape;
            static fromObject(object: { [k: string]: any }): google.protobuf.Empty;
            static toObject(message: google.protobuf.Empty, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Empty {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Empty.$Properties;
        }

        interface ITimestamp extends google.protobuf.Timestamp.$Properties {
        }

        class Timestamp {
            constructor(properties?: google.protobuf.Timestamp.$Properties);
            $unknowns?: Uint8Array[];
            seconds: number;
            nanos: number;
            static create(properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static create(properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;
            static encode(message: google.protobuf.Timestamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static fromObject(object: { [k: string]: any }): google.protobuf.Timestamp;
            static toObject(message: google.protobuf.Timestamp, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Timestamp {
            interface $Properties {
                seconds?: (number|null);
                nanos?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.protobuf.Timestamp.$Properties;
        }
    }

    namespace rpc {

        interface IStatus extends google.rpc.Status.$Properties {
        }

        class Status {
            constructor(properties?: google.rpc.Status.$Properties);
            $unknowns?: Uint8Array[];
            code: number;
            message: string;
            details: google.protobuf.Any.$Properties[];
            static create(properties: google.rpc.Status.$Shape): google.rpc.Status & google.rpc.Status.$Shape;
            static create(properties?: google.rpc.Status.$Properties): google.rpc.Status;
            static encode(message: google.rpc.Status.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.rpc.Status & google.rpc.Status.$Shape;
            static fromObject(object: { [k: string]: any }): google.rpc.Status;
            static toObject(message: google.rpc.Status, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Status {
            interface $Properties {
                code?: (number|null);
                message?: (string|null);
                details?: (google.protobuf.Any.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = google.rpc.Status.$Properties;
        }
    }
}

export namespace network {

    enum AddressFamily {
        AF_UNSPEC = 0,
        AF_INET = 2,
        IPV4 = 2,
        AF_INET6 = 10,
        IPV6 = 10
    }

    enum RouteProtocol {
        RTPROT_UNSPEC = 0,
        RTPROT_REDIRECT = 1,
        RTPROT_KERNEL = 2,
        RTPROT_BOOT = 3,
        RTPROT_STATIC = 4,
        RTPROT_GATED = 8,
        RTPROT_RA = 9,
        RTPROT_MRT = 10,
        RTPROT_ZEBRA = 11,
        RTPROT_BIRD = 12,
        RTPROT_DNROUTED = 13,
        RTPROT_XORP = 14,
        RTPROT_NTK = 15,
        RTPROT_DHCP = 16,
        RTPROT_MROUTED = 17,
        RTPROT_BABEL = 42
    }

    enum InterfaceFlags {
        FLAG_UNKNOWN = 0,
        FLAG_UP = 1,
        FLAG_BROADCAST = 2,
        FLAG_LOOPBACK = 3,
        FLAG_POINT_TO_POINT = 4,
        FLAG_MULTICAST = 5
    }

    interface IRoutesResponse extends network.RoutesResponse.$Properties {
    }

    class RoutesResponse {
        constructor(properties?: network.RoutesResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: network.Routes.$Properties[];
        static create(properties: network.RoutesResponse.$Shape): network.RoutesResponse & network.RoutesResponse.$Shape;
        static create(properties?: network.RoutesResponse.$Properties): network.RoutesResponse;
        static encode(message: network.RoutesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): network.RoutesResponse & network.RoutesResponse.$Shape;
        static fromObject(object: { [k: string]: any }): network.RoutesResponse;
        static toObject(message: network.RoutesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RoutesResponse {
        interface $Properties {
            messages?: (network.Routes.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = network.RoutesResponse.$Properties;
    }

    interface IRoutes extends network.Routes.$Properties {
    }

    class Routes {
        constructor(properties?: network.Routes.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        routes: network.Route.$Properties[];
        static create(properties: network.Routes.$Shape): network.Routes & network.Routes.$Shape;
        static create(properties?: network.Routes.$Properties): network.Routes;
        static encode(message: network.Routes.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): network.Routes & network.Routes.$Shape;
        static fromObject(object: { [k: string]: any }): network.Routes;
        static toObject(message: network.Routes, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Routes {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            routes?: (network.Route.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = network.Routes.$Properties;
    }

    interface IRoute extends network.Route.$Properties {
    }

    class Route {
        constructor(properties?: network.Route.$Properties);
        $unknowns?: Uint8Array[];
        interface: string;
        destination: string;
        gateway: string;
        metric: number;
        scope: number;
        source: string;
        family: network.AddressFamily;
        protocol: network.RouteProtocol;
        flags: number;
        static create(properties: network.Route.$Shape): network.Route & network.Route.$Shape;
        static create(properties?: network.Route.$Properties): network.Route;
        static encode(message: network.Route.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): network.Route & network.Route.$Shape;
        static fromObject(object: { [k: string]: any }): network.Route;
        static toObject(message: network.Route, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Route {
        interface $Properties {
            "interface"?: (string|null);
            destination?: (string|null);
            gateway?: (string|null);
            metric?: (number|null);
            scope?: (number|null);
            source?: (string|null);
            family?: (network.AddressFamily|null);
            protocol?: (network.RouteProtocol|null);
            flags?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = network.Route.$Properties;
    }

    interface IInterfacesResponse extends network.InterfacesResponse.$Properties {
    }

    class InterfacesResponse {
        constructor(properties?: network.InterfacesResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: network.Interfaces.$Properties[];
        static create(properties: network.InterfacesResponse.$Shape): network.InterfacesResponse & network.InterfacesResponse.$Shape;
        static create(properties?: network.InterfacesResponse.$Properties): network.InterfacesResponse;
        static encode(message: network.InterfacesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): network.InterfacesResponse & network.InterfacesResponse.$Shape;
        static fromObject(object: { [k: string]: any }): network.InterfacesResponse;
        static toObject(message: network.InterfacesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace InterfacesResponse {
        interface $Properties {
            messages?: (network.Interfaces.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = network.InterfacesResponse.$Properties;
    }

    interface IInterfaces extends network.Interfaces.$Properties {
    }

    class Interfaces {
        constructor(properties?: network.Interfaces.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        interfaces: network.Interface.$Properties[];
        static create(properties: network.Interfaces.$Shape): network.Interfaces & network.Interfaces.$Shape;
        static create(properties?: network.Interfaces.$Properties): network.Interfaces;
        static encode(message: network.Interfaces.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): network.Interfaces & network.Interfaces.$Shape;
        static fromObject(object: { [k: string]: any }): network.Interfaces;
        static toObject(message: network.Interfaces, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Interfaces {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            interfaces?: (network.Interface.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = network.Interfaces.$Properties;
    }

    interface IInterface extends network.Interface.$Properties {
    }

    class Interface {
        constructor(properties?: network.Interface.$Properties);
        $unknowns?: Uint8Array[];
        index: number;
        mtu: number;
        name: string;
        hardwareaddr: string;
        flags: network.InterfaceFlags;
        ipaddress: string[];
        static create(properties: network.Interface.$Shape): network.Interface & network.Interface.$Shape;
        static create(properties?: network.Interface.$Properties): network.Interface;
        static encode(message: network.Interface.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): network.Interface & network.Interface.$Shape;
        static fromObject(object: { [k: string]: any }): network.Interface;
        static toObject(message: network.Interface, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Interface {
        interface $Properties {
            index?: (number|null);
            mtu?: (number|null);
            name?: (string|null);
            hardwareaddr?: (string|null);
            flags?: (network.InterfaceFlags|null);
            ipaddress?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = network.Interface.$Properties;
    }
}

export namespace resource {

    interface IResource extends resource.Resource.$Properties {
    }

    class Resource {
        constructor(properties?: resource.Resource.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (resource.Metadata.$Properties|null);
        spec?: (resource.Spec.$Properties|null);
        static create(properties: resource.Resource.$Shape): resource.Resource & resource.Resource.$Shape;
        static create(properties?: resource.Resource.$Properties): resource.Resource;
        static encode(message: resource.Resource.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.Resource & resource.Resource.$Shape;
        static fromObject(object: { [k: string]: any }): resource.Resource;
        static toObject(message: resource.Resource, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Resource {
        interface $Properties {
            metadata?: (resource.Metadata.$Properties|null);
            spec?: (resource.Spec.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.Resource.$Properties;
    }

    interface IMetadata extends resource.Metadata.$Properties {
    }

    class Metadata {
        constructor(properties?: resource.Metadata.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        type: string;
        id: string;
        version: string;
        owner: string;
        phase: string;
        finalizers: string[];
        static create(properties: resource.Metadata.$Shape): resource.Metadata & resource.Metadata.$Shape;
        static create(properties?: resource.Metadata.$Properties): resource.Metadata;
        static encode(message: resource.Metadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.Metadata & resource.Metadata.$Shape;
        static fromObject(object: { [k: string]: any }): resource.Metadata;
        static toObject(message: resource.Metadata, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Metadata {
        interface $Properties {
            namespace?: (string|null);
            type?: (string|null);
            id?: (string|null);
            version?: (string|null);
            owner?: (string|null);
            phase?: (string|null);
            finalizers?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.Metadata.$Properties;
    }

    interface ISpec extends resource.Spec.$Properties {
    }

    class Spec {
        constructor(properties?: resource.Spec.$Properties);
        $unknowns?: Uint8Array[];
        yaml: Uint8Array;
        static create(properties: resource.Spec.$Shape): resource.Spec & resource.Spec.$Shape;
        static create(properties?: resource.Spec.$Properties): resource.Spec;
        static encode(message: resource.Spec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.Spec & resource.Spec.$Shape;
        static fromObject(object: { [k: string]: any }): resource.Spec;
        static toObject(message: resource.Spec, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Spec {
        interface $Properties {
            yaml?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.Spec.$Properties;
    }

    interface IGetRequest extends resource.GetRequest.$Properties {
    }

    class GetRequest {
        constructor(properties?: resource.GetRequest.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        type: string;
        id: string;
        static create(properties: resource.GetRequest.$Shape): resource.GetRequest & resource.GetRequest.$Shape;
        static create(properties?: resource.GetRequest.$Properties): resource.GetRequest;
        static encode(message: resource.GetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.GetRequest & resource.GetRequest.$Shape;
        static fromObject(object: { [k: string]: any }): resource.GetRequest;
        static toObject(message: resource.GetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetRequest {
        interface $Properties {
            namespace?: (string|null);
            type?: (string|null);
            id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.GetRequest.$Properties;
    }

    interface IGet extends resource.Get.$Properties {
    }

    class Get {
        constructor(properties?: resource.Get.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        definition?: (resource.Resource.$Properties|null);
        resource?: (resource.Resource.$Properties|null);
        static create(properties: resource.Get.$Shape): resource.Get & resource.Get.$Shape;
        static create(properties?: resource.Get.$Properties): resource.Get;
        static encode(message: resource.Get.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.Get & resource.Get.$Shape;
        static fromObject(object: { [k: string]: any }): resource.Get;
        static toObject(message: resource.Get, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Get {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            definition?: (resource.Resource.$Properties|null);
            resource?: (resource.Resource.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.Get.$Properties;
    }

    interface IGetResponse extends resource.GetResponse.$Properties {
    }

    class GetResponse {
        constructor(properties?: resource.GetResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: resource.Get.$Properties[];
        static create(properties: resource.GetResponse.$Shape): resource.GetResponse & resource.GetResponse.$Shape;
        static create(properties?: resource.GetResponse.$Properties): resource.GetResponse;
        static encode(message: resource.GetResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.GetResponse & resource.GetResponse.$Shape;
        static fromObject(object: { [k: string]: any }): resource.GetResponse;
        static toObject(message: resource.GetResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace GetResponse {
        interface $Properties {
            messages?: (resource.Get.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.GetResponse.$Properties;
    }

    interface IListRequest extends resource.ListRequest.$Properties {
    }

    class ListRequest {
        constructor(properties?: resource.ListRequest.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        type: string;
        static create(properties: resource.ListRequest.$Shape): resource.ListRequest & resource.ListRequest.$Shape;
        static create(properties?: resource.ListRequest.$Properties): resource.ListRequest;
        static encode(message: resource.ListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.ListRequest & resource.ListRequest.$Shape;
        static fromObject(object: { [k: string]: any }): resource.ListRequest;
        static toObject(message: resource.ListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListRequest {
        interface $Properties {
            namespace?: (string|null);
            type?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.ListRequest.$Properties;
    }

    interface IListResponse extends resource.ListResponse.$Properties {
    }

    class ListResponse {
        constructor(properties?: resource.ListResponse.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        definition?: (resource.Resource.$Properties|null);
        resource?: (resource.Resource.$Properties|null);
        static create(properties: resource.ListResponse.$Shape): resource.ListResponse & resource.ListResponse.$Shape;
        static create(properties?: resource.ListResponse.$Properties): resource.ListResponse;
        static encode(message: resource.ListResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.ListResponse & resource.ListResponse.$Shape;
        static fromObject(object: { [k: string]: any }): resource.ListResponse;
        static toObject(message: resource.ListResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListResponse {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            definition?: (resource.Resource.$Properties|null);
            resource?: (resource.Resource.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.ListResponse.$Properties;
    }

    interface IWatchRequest extends resource.WatchRequest.$Properties {
    }

    class WatchRequest {
        constructor(properties?: resource.WatchRequest.$Properties);
        $unknowns?: Uint8Array[];
        namespace: string;
        type: string;
        id: string;
        tailEvents: number;
        static create(properties: resource.WatchRequest.$Shape): resource.WatchRequest & resource.WatchRequest.$Shape;
        static create(properties?: resource.WatchRequest.$Properties): resource.WatchRequest;
        static encode(message: resource.WatchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.WatchRequest & resource.WatchRequest.$Shape;
        static fromObject(object: { [k: string]: any }): resource.WatchRequest;
        static toObject(message: resource.WatchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchRequest {
        interface $Properties {
            namespace?: (string|null);
            type?: (string|null);
            id?: (string|null);
            tailEvents?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.WatchRequest.$Properties;
    }

    enum EventType {
        CREATED = 0,
        UPDATED = 1,
        DESTROYED = 2
    }

    interface IWatchResponse extends resource.WatchResponse.$Properties {
    }

    class WatchResponse {
        constructor(properties?: resource.WatchResponse.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        eventType: resource.EventType;
        definition?: (resource.Resource.$Properties|null);
        resource?: (resource.Resource.$Properties|null);
        static create(properties: resource.WatchResponse.$Shape): resource.WatchResponse & resource.WatchResponse.$Shape;
        static create(properties?: resource.WatchResponse.$Properties): resource.WatchResponse;
        static encode(message: resource.WatchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): resource.WatchResponse & resource.WatchResponse.$Shape;
        static fromObject(object: { [k: string]: any }): resource.WatchResponse;
        static toObject(message: resource.WatchResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchResponse {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            eventType?: (resource.EventType|null);
            definition?: (resource.Resource.$Properties|null);
            resource?: (resource.Resource.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = resource.WatchResponse.$Properties;
    }
}

export namespace routerd {

    interface IRegisterRouteRequest extends routerd.RegisterRouteRequest.$Properties {
    }

    class RegisterRouteRequest {
        constructor(properties?: routerd.RegisterRouteRequest.$Properties);
        $unknowns?: Uint8Array[];
        service: string;
        socket: string;
        static create(properties: routerd.RegisterRouteRequest.$Shape): routerd.RegisterRouteRequest & routerd.RegisterRouteRequest.$Shape;
        static create(properties?: routerd.RegisterRouteRequest.$Properties): routerd.RegisterRouteRequest;
        static encode(message: routerd.RegisterRouteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): routerd.RegisterRouteRequest & routerd.RegisterRouteRequest.$Shape;
        static fromObject(object: { [k: string]: any }): routerd.RegisterRouteRequest;
        static toObject(message: routerd.RegisterRouteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RegisterRouteRequest {
        interface $Properties {
            service?: (string|null);
            socket?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = routerd.RegisterRouteRequest.$Properties;
    }

    interface IRegisterRouteResponse extends routerd.RegisterRouteResponse.$Properties {
    }

    class RegisterRouteResponse {
        constructor(properties?: routerd.RegisterRouteResponse.$Properties);
        $unknowns?: Uint8Array[];
        previousSocket: string;
        static create(properties: routerd.RegisterRouteResponse.$Shape): routerd.RegisterRouteResponse & routerd.RegisterRouteResponse.$Shape;
        static create(properties?: routerd.RegisterRouteResponse.$Properties): routerd.RegisterRouteResponse;
        static encode(message: routerd.RegisterRouteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): routerd.RegisterRouteResponse & routerd.RegisterRouteResponse.$Shape;
        static fromObject(object: { [k: string]: any }): routerd.RegisterRouteResponse;
        static toObject(message: routerd.RegisterRouteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RegisterRouteResponse {
        interface $Properties {
            previousSocket?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = routerd.RegisterRouteResponse.$Properties;
    }

    interface IRemoveRouteRequest extends routerd.RemoveRouteRequest.$Properties {
    }

    class RemoveRouteRequest {
        constructor(properties?: routerd.RemoveRouteRequest.$Properties);
        $unknowns?: Uint8Array[];
        service: string;
        static create(properties: routerd.RemoveRouteRequest.$Shape): routerd.RemoveRouteRequest & routerd.RemoveRouteRequest.$Shape;
        static create(properties?: routerd.RemoveRouteRequest.$Properties): routerd.RemoveRouteRequest;
        static encode(message: routerd.RemoveRouteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): routerd.RemoveRouteRequest & routerd.RemoveRouteRequest.$Shape;
        static fromObject(object: { [k: string]: any }): routerd.RemoveRouteRequest;
        static toObject(message: routerd.RemoveRouteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveRouteRequest {
        interface $Properties {
            service?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = routerd.RemoveRouteRequest.$Properties;
    }

    interface IRemoveRouteResponse extends routerd.RemoveRouteResponse.$Properties {
    }

    class RemoveRouteResponse {
        constructor(properties?: routerd.RemoveRouteResponse.$Properties);
        $unknowns?: Uint8Array[];
        removed: boolean;
        socket: string;
        static create(properties: routerd.RemoveRouteResponse.$Shape): routerd.RemoveRouteResponse & routerd.RemoveRouteResponse.$Shape;
        static create(properties?: routerd.RemoveRouteResponse.$Properties): routerd.RemoveRouteResponse;
        static encode(message: routerd.RemoveRouteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): routerd.RemoveRouteResponse & routerd.RemoveRouteResponse.$Shape;
        static fromObject(object: { [k: string]: any }): routerd.RemoveRouteResponse;
        static toObject(message: routerd.RemoveRouteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RemoveRouteResponse {
        interface $Properties {
            removed?: (boolean|null);
            socket?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = routerd.RemoveRouteResponse.$Properties;
    }

    interface IRoute extends routerd.Route.$Properties {
    }

    class Route {
        constructor(properties?: routerd.Route.$Properties);
        $unknowns?: Uint8Array[];
        service: string;
        socket: string;
        default: boolean;
        static create(properties: routerd.Route.$Shape): routerd.Route & routerd.Route.$Shape;
        static create(properties?: routerd.Route.$Properties): routerd.Route;
        static encode(message: routerd.Route.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): routerd.Route & routerd.Route.$Shape;
        static fromObject(object: { [k: string]: any }): routerd.Route;
        static toObject(message: routerd.Route, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Route {
        interface $Properties {
            service?: (string|null);
            socket?: (string|null);
            "default"?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = routerd.Route.$Properties;
    }

    interface IListRoutesResponse extends routerd.ListRoutesResponse.$Properties {
    }

    class ListRoutesResponse {
        constructor(properties?: routerd.ListRoutesResponse.$Properties);
        $unknowns?: Uint8Array[];
        routes: routerd.Route.$Properties[];
        static create(properties: routerd.ListRoutesResponse.$Shape): routerd.ListRoutesResponse & routerd.ListRoutesResponse.$Shape;
        static create(properties?: routerd.ListRoutesResponse.$Properties): routerd.ListRoutesResponse;
        static encode(message: routerd.ListRoutesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): routerd.ListRoutesResponse & routerd.ListRoutesResponse.$Shape;
        static fromObject(object: { [k: string]: any }): routerd.ListRoutesResponse;
        static toObject(message: routerd.ListRoutesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ListRoutesResponse {
        interface $Properties {
            routes?: (routerd.Route.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = routerd.ListRoutesResponse.$Properties;
    }
}

export namespace securityapi {

    interface ICertificateRequest extends securityapi.CertificateRequest.$Properties {
    }

    class CertificateRequest {
        constructor(properties?: securityapi.CertificateRequest.$Properties);
        $unknowns?: Uint8Array[];
        csr: Uint8Array;
        static create(properties: securityapi.CertificateRequest.$Shape): securityapi.CertificateRequest & securityapi.CertificateRequest.$Shape;
        static create(properties?: securityapi.CertificateRequest.$Properties): securityapi.CertificateRequest;
        static encode(message: securityapi.CertificateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): securityapi.CertificateRequest & securityapi.CertificateRequest.$Shape;
        static fromObject(object: { [k: string]: any }): securityapi.CertificateRequest;
        static toObject(message: securityapi.CertificateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CertificateRequest {
        interface $Properties {
            csr?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = securityapi.CertificateRequest.$Properties;
    }

    interface ICertificateResponse extends securityapi.CertificateResponse.$Properties {
    }

    class CertificateResponse {
        constructor(properties?: securityapi.CertificateResponse.$Properties);
        $unknowns?: Uint8Array[];
        ca: Uint8Array;
        crt: Uint8Array;
        static create(properties: securityapi.CertificateResponse.$Shape): securityapi.CertificateResponse & securityapi.CertificateResponse.$Shape;
        static create(properties?: securityapi.CertificateResponse.$Properties): securityapi.CertificateResponse;
        static encode(message: securityapi.CertificateResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): securityapi.CertificateResponse & securityapi.CertificateResponse.$Shape;
        static fromObject(object: { [k: string]: any }): securityapi.CertificateResponse;
        static toObject(message: securityapi.CertificateResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace CertificateResponse {
        interface $Properties {
            ca?: (Uint8Array|null);
            crt?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = securityapi.CertificateResponse.$Properties;
    }

    interface IReadFileRequest extends securityapi.ReadFileRequest.$Properties {
    }

    class ReadFileRequest {
        constructor(properties?: securityapi.ReadFileRequest.$Properties);
        $unknowns?: Uint8Array[];
        path: string;
        static create(properties: securityapi.ReadFileRequest.$Shape): securityapi.ReadFileRequest & securityapi.ReadFileRequest.$Shape;
        static create(properties?: securityapi.ReadFileRequest.$Properties): securityapi.ReadFileRequest;
        static encode(message: securityapi.ReadFileRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): securityapi.ReadFileRequest & securityapi.ReadFileRequest.$Shape;
        static fromObject(object: { [k: string]: any }): securityapi.ReadFileRequest;
        static toObject(message: securityapi.ReadFileRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReadFileRequest {
        interface $Properties {
            path?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = securityapi.ReadFileRequest.$Properties;
    }

    interface IReadFileResponse extends securityapi.ReadFileResponse.$Properties {
    }

    class ReadFileResponse {
        constructor(properties?: securityapi.ReadFileResponse.$Properties);
        $unknowns?: Uint8Array[];
        data: Uint8Array;
        static create(properties: securityapi.ReadFileResponse.$Shape): securityapi.ReadFileResponse & securityapi.ReadFileResponse.$Shape;
        static create(properties?: securityapi.ReadFileResponse.$Properties): securityapi.ReadFileResponse;
        static encode(message: securityapi.ReadFileResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): securityapi.ReadFileResponse & securityapi.ReadFileResponse.$Shape;
        static fromObject(object: { [k: string]: any }): securityapi.ReadFileResponse;
        static toObject(message: securityapi.ReadFileResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReadFileResponse {
        interface $Properties {
            data?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = securityapi.ReadFileResponse.$Properties;
    }

    interface IWriteFileRequest extends securityapi.WriteFileRequest.$Properties {
    }

    class WriteFileRequest {
        constructor(properties?: securityapi.WriteFileRequest.$Properties);
        $unknowns?: Uint8Array[];
        path: string;
        data: Uint8Array;
        perm: number;
        static create(properties: securityapi.WriteFileRequest.$Shape): securityapi.WriteFileRequest & securityapi.WriteFileRequest.$Shape;
        static create(properties?: securityapi.WriteFileRequest.$Properties): securityapi.WriteFileRequest;
        static encode(message: securityapi.WriteFileRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): securityapi.WriteFileRequest & securityapi.WriteFileRequest.$Shape;
        static fromObject(object: { [k: string]: any }): securityapi.WriteFileRequest;
        static toObject(message: securityapi.WriteFileRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace WriteFileRequest {
        interface $Properties {
            path?: (string|null);
            data?: (Uint8Array|null);
            perm?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = securityapi.WriteFileRequest.$Properties;
    }

    interface IWriteFileResponse extends securityapi.WriteFileResponse.$Properties {
    }

    class WriteFileResponse {
        constructor(properties?: securityapi.WriteFileResponse.$Properties);
        $unknowns?: Uint8Array[];
        static create(properties: securityapi.WriteFileResponse.$Shape): securityapi.WriteFileResponse & securityapi.WriteFileResponse.$Shape;
        static create(properties?: securityapi.WriteFileResponse.$Properties): securityapi.WriteFileResponse;
        static encode(message: securityapi.WriteFileResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): securityapi.WriteFileResponse & securityapi.WriteFileResponse.$Shape;
        static fromObject(object: { [k: string]: any }): securityapi.WriteFileResponse;
        static toObject(message: securityapi.WriteFileResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace WriteFileResponse {
        interface $Properties {
            $unknowns?: Uint8Array[];
        }
        type $Shape = securityapi.WriteFileResponse.$Properties;
    }
}

export namespace storage {

    interface IDisk extends storage.Disk.$Properties {
    }

    class Disk {
        constructor(properties?: storage.Disk.$Properties);
        $unknowns?: Uint8Array[];
        size: number;
        model: string;
        deviceName: string;
        static create(properties: storage.Disk.$Shape): storage.Disk & storage.Disk.$Shape;
        static create(properties?: storage.Disk.$Properties): storage.Disk;
        static encode(message: storage.Disk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): storage.Disk & storage.Disk.$Shape;
        static fromObject(object: { [k: string]: any }): storage.Disk;
        static toObject(message: storage.Disk, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Disk {
        interface $Properties {
            size?: (number|null);
            model?: (string|null);
            deviceName?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = storage.Disk.$Properties;
    }

    interface IDisksResponse extends storage.DisksResponse.$Properties {
    }

    class DisksResponse {
        constructor(properties?: storage.DisksResponse.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        disks: storage.Disk.$Properties[];
        static create(properties: storage.DisksResponse.$Shape): storage.DisksResponse & storage.DisksResponse.$Shape;
        static create(properties?: storage.DisksResponse.$Properties): storage.DisksResponse;
        static encode(message: storage.DisksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): storage.DisksResponse & storage.DisksResponse.$Shape;
        static fromObject(object: { [k: string]: any }): storage.DisksResponse;
        static toObject(message: storage.DisksResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace DisksResponse {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            disks?: (storage.Disk.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = storage.DisksResponse.$Properties;
    }
}

export namespace time {

    interface ITimeRequest extends time.TimeRequest.$Properties {
    }

    class TimeRequest {
        constructor(properties?: time.TimeRequest.$Properties);
        $unknowns?: Uint8Array[];
        server: string;
        static create(properties: time.TimeRequest.$Shape): time.TimeRequest & time.TimeRequest.$Shape;
        static create(properties?: time.TimeRequest.$Properties): time.TimeRequest;
        static encode(message: time.TimeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): time.TimeRequest & time.TimeRequest.$Shape;
        static fromObject(object: { [k: string]: any }): time.TimeRequest;
        static toObject(message: time.TimeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace TimeRequest {
        interface $Properties {
            server?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = time.TimeRequest.$Properties;
    }

    interface ITime extends time.Time.$Properties {
    }

    class Time {
        constructor(properties?: time.Time.$Properties);
        $unknowns?: Uint8Array[];
        metadata?: (common.Metadata.$Properties|null);
        server: string;
        localtime?: (google.protobuf.Timestamp.$Properties|null);
        remotetime?: (google.protobuf.Timestamp.$Properties|null);
        static create(properties: time.Time.$Shape): time.Time & time.Time.$Shape;
        static create(properties?: time.Time.$Properties): time.Time;
        static encode(message: time.Time.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): time.Time & time.Time.$Shape;
        static fromObject(object: { [k: string]: any }): time.Time;
        static toObject(message: time.Time, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Time {
        interface $Properties {
            metadata?: (common.Metadata.$Properties|null);
            server?: (string|null);
            localtime?: (google.protobuf.Timestamp.$Properties|null);
            remotetime?: (google.protobuf.Timestamp.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = time.Time.$Properties;
    }

    interface ITimeResponse extends time.TimeResponse.$Properties {
    }

    class TimeResponse {
        constructor(properties?: time.TimeResponse.$Properties);
        $unknowns?: Uint8Array[];
        messages: time.Time.$Properties[];
        static create(properties: time.TimeResponse.$Shape): time.TimeResponse & time.TimeResponse.$Shape;
        static create(properties?: time.TimeResponse.$Properties): time.TimeResponse;
        static encode(message: time.TimeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): time.TimeResponse & time.TimeResponse.$Shape;
        static fromObject(object: { [k: string]: any }): time.TimeResponse;
        static toObject(message: time.TimeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace TimeResponse {
        interface $Properties {
            messages?: (time.Time.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = time.TimeResponse.$Properties;
    }
}

export namespace grpc {

    namespace health {

        namespace v1 {

            interface IHealthListRequest extends grpc.health.v1.HealthListRequest.$Properties {
            }

            class HealthListRequest {
                constructor(properties?: grpc.health.v1.HealthListRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: grpc.health.v1.HealthListRequest.$Shape): grpc.health.v1.HealthListRequest & grpc.health.v1.HealthListRequest.$Shape;
                static create(properties?: grpc.health.v1.HealthListRequest.$Properties): grpc.health.v1.HealthListRequest;
                static encode(message: grpc.health.v1.HealthListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthListRequest & grpc.health.v1.HealthListRequest.$Shape;
                static fromObject(object: { [k: string]: any }): grpc.health.v1.HealthListRequest;
                static toObject(message: grpc.health.v1.HealthListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace HealthListRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthListRequest.$Properties;
            }

            interface IHealthListResponse extends grpc.health.v1.HealthListResponse.$Properties {
            }

            class HealthListResponse {
                constructor(properties?: grpc.health.v1.HealthListResponse.$Properties);
                $unknowns?: Uint8Array[];
                statuses: { [k: string]: grpc.health.v1.HealthCheckResponse.$Properties };
                static create(properties: grpc.health.v1.HealthListResponse.$Shape): grpc.health.v1.HealthListResponse & grpc.health.v1.HealthListResponse.$Shape;
                static create(properties?: grpc.health.v1.HealthListResponse.$Properties): grpc.health.v1.HealthListResponse;
                static encode(message: grpc.health.v1.HealthListResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthListResponse & grpc.health.v1.HealthListResponse.$Shape;
                static fromObject(object: { [k: string]: any }): grpc.health.v1.HealthListResponse;
                static toObject(message: grpc.health.v1.HealthListResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace HealthListResponse {
                interface $Properties {
                    statuses?: ({ [k: string]: grpc.health.v1.HealthCheckResponse.$Properties }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthListResponse.$Properties;
            }

            interface IHealthCheckRequest extends grpc.health.v1.HealthCheckRequest.$Properties {
            }

            class HealthCheckRequest {
                constructor(properties?: grpc.health.v1.HealthCheckRequest.$Properties);
                $unknowns?: Uint8Array[];
                service: string;
                static create(properties: grpc.health.v1.HealthCheckRequest.$Shape): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckRequest.$Properties): grpc.health.v1.HealthCheckRequest;
                static encode(message: grpc.health.v1.HealthCheckRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;
                static fromObject(object: { [k: string]: any }): grpc.health.v1.HealthCheckRequest;
                static toObject(message: grpc.health.v1.HealthCheckRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace HealthCheckRequest {
                interface $Properties {
                    service?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthCheckRequest.$Properties;
            }

            interface IHealthCheckResponse extends grpc.health.v1.HealthCheckResponse.$Properties {
            }

            class HealthCheckResponse {
                constructor(properties?: grpc.health.v1.HealthCheckResponse.$Properties);
                $unknowns?: Uint8Array[];
                status: grpc.health.v1.HealthCheckResponse.ServingStatus;
                static create(properties: grpc.health.v1.HealthCheckResponse.$Shape): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckResponse.$Properties): grpc.health.v1.HealthCheckResponse;
                static encode(message: grpc.health.v1.HealthCheckResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;
                static fromObject(object: { [k: string]: any }): grpc.health.v1.HealthCheckResponse;
                static toObject(message: grpc.health.v1.HealthCheckResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace HealthCheckResponse {
                interface $Properties {
                    status?: (grpc.health.v1.HealthCheckResponse.ServingStatus|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthCheckResponse.$Properties;

                enum ServingStatus {
                    UNKNOWN = 0,
                    SERVING = 1,
                    NOT_SERVING = 2,
                    SERVICE_UNKNOWN = 3
                }
            }
        }
    }
}
