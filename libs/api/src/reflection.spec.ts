// Server reflection as a reflection client (grpcurl, grpcreflect) uses it: ask for the file of a
// symbol, then fetch every file it imports by name and rebuild the whole set from descriptors.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as protobuf from 'protobufjs';
import * as descriptor from 'protobufjs/ext/descriptor';
import { fileDescriptorProtos, packageDefinition, SERVICE_NAMES } from './index';

interface ReflectionReply {
  file_descriptor_response?: { file_descriptor_proto: Buffer[] };
  list_services_response?: { service: Array<{ name: string }> };
  error_response?: { error_code: number; error_message: string };
}

type FileDescriptor = descriptor.IFileDescriptorProto & { name: string; dependency: string[] };

function decode(bytes: Uint8Array): FileDescriptor {
  const file = descriptor.FileDescriptorProto.toObject(descriptor.FileDescriptorProto.decode(bytes), {
    arrays: true,
  }) as FileDescriptor;
  return file;
}

/** Full names ('.pkg.Msg', '.pkg.Msg.Nested') a file defines. */
function definedNames(file: FileDescriptor): Set<string> {
  const out = new Set<string>();
  const prefix = file.package ? `.${file.package}` : '';
  const addMessages = (scope: string, messages: descriptor.IDescriptorProto[] | undefined) => {
    for (const m of messages ?? []) {
      out.add(`${scope}.${m.name}`);
      for (const e of m.enumType ?? []) out.add(`${scope}.${m.name}.${e.name}`);
      addMessages(`${scope}.${m.name}`, m.nestedType);
    }
  };
  addMessages(prefix, file.messageType);
  for (const e of file.enumType ?? []) out.add(`${prefix}.${e.name}`);
  return out;
}

/** Every type name a file references (fields, nested fields, method inputs and outputs). */
function referencedNames(file: FileDescriptor): string[] {
  const out: string[] = [];
  const fromMessages = (messages: descriptor.IDescriptorProto[] | undefined) => {
    for (const m of messages ?? []) {
      for (const f of m.field ?? []) if (f.typeName) out.push(f.typeName);
      fromMessages(m.nestedType);
    }
  };
  fromMessages(file.messageType);
  for (const s of file.service ?? [])
    for (const m of s.method ?? []) out.push(m.inputType ?? '', m.outputType ?? '');
  return out;
}

describe('server reflection', () => {
  let dir: string;
  let server: grpc.Server;
  let client: InstanceType<grpc.ServiceClientConstructor>;
  let ask: (request: object) => Promise<ReflectionReply>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'api-reflection-'));
    const address = `unix://${path.join(dir, 'reflection.sock')}`;
    server = new grpc.Server();
    new ReflectionService(packageDefinition).addToServer(server);
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    const reflectionProto =
      require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
    const pkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(reflectionProto, { keepCase: true }),
    ) as unknown as {
      grpc: { reflection: { v1: { ServerReflection: grpc.ServiceClientConstructor } } };
    };
    client = new pkg.grpc.reflection.v1.ServerReflection(address, grpc.credentials.createInsecure());
    const open = client['ServerReflectionInfo'] as () => grpc.ClientDuplexStream<object, ReflectionReply>;
    ask = (request) =>
      new Promise((resolve, reject) => {
        const call = open.call(client);
        call.on('data', (res: ReflectionReply) => {
          resolve(res);
          call.end();
        });
        call.on('error', reject);
        call.write(request);
      });
  });

  afterAll(async () => {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function files(request: object): Promise<FileDescriptor[]> {
    const reply = await ask(request);
    if (reply.error_response) throw new Error(reply.error_response.error_message);
    return (reply.file_descriptor_response?.file_descriptor_proto ?? []).map(decode);
  }

  it('describes machine.MachineService with every file it imports, fetched by name', async () => {
    const [first] = await files({ file_containing_symbol: 'machine.MachineService' });
    expect(first?.name).toBe('machine/machine.proto');
    expect(first?.package).toBe('machine');
    expect(first?.dependency).toEqual([
      'common/common.proto',
      'google/protobuf/any.proto',
      'google/protobuf/empty.proto',
      'google/protobuf/timestamp.proto',
    ]);

    // Only what `dependency` names, each asked for by file name, as grpcurl does.
    const byName = new Map<string, FileDescriptor>([[first!.name, first!]]);
    const pending = [...first!.dependency];
    while (pending.length > 0) {
      const name = pending.shift()!;
      if (byName.has(name)) continue;
      const [file] = await files({ file_by_filename: name });
      expect(file?.name).toBe(name);
      byName.set(name, file!);
      pending.push(...file!.dependency);
    }
    expect([...byName.keys()].sort()).toEqual([
      'common/common.proto',
      'google/protobuf/any.proto',
      'google/protobuf/empty.proto',
      'google/protobuf/timestamp.proto',
      'google/rpc/status.proto',
      'machine/machine.proto',
    ]);

    // Each reference resolves to a type of the file itself or of a file it imports directly
    // (what protoc and grpc-go's protodesc require), by fully-qualified name.
    for (const file of byName.values()) {
      const visible = new Set(definedNames(file));
      for (const dep of file.dependency) for (const n of definedNames(byName.get(dep)!)) visible.add(n);
      const unresolved = referencedNames(file).filter((ref) => !visible.has(ref));
      expect({ file: file.name, unresolved }).toEqual({ file: file.name, unresolved: [] });
    }

    // And the set builds: the service, its messages and the well-known types link up.
    const root = protobuf.Root.fromDescriptor({ file: [...byName.values()] });
    root.resolveAll();
    const service = root.lookupService('machine.MachineService');
    const version = service.methods['Version']!;
    expect(version.resolvedRequestType?.fullName).toBe('.google.protobuf.Empty');
    const reply = version.resolvedResponseType!;
    const item = reply.fields['messages']!.resolvedType as protobuf.Type;
    expect(item.fields['metadata']!.resolvedType?.fullName).toBe('.common.Metadata');
    const metadata = root.lookupType('common.Metadata');
    expect(metadata.fields['status']!.resolvedType?.fullName).toBe('.google.rpc.Status');
  });

  it('serves every generated file under its own name, standard services included', async () => {
    for (const name of [...fileDescriptorProtos.keys()]) {
      const [file] = await files({ file_by_filename: name });
      expect(file?.name).toBe(name);
    }
    const [health] = await files({ file_containing_symbol: 'grpc.health.v1.Health' });
    expect(health?.name).toBe('grpc/health/v1/health.proto');
    const listed = await ask({ list_services: '*' });
    const names = (listed.list_services_response?.service ?? []).map((s) => s.name);
    expect(names.sort()).toEqual(
      [
        ...SERVICE_NAMES,
        'grpc.health.v1.Health',
        'grpc.reflection.v1.ServerReflection',
        'grpc.reflection.v1alpha.ServerReflection',
      ].sort(),
    );
  });
});
