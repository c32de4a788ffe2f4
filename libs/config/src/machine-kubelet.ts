// `machine.kubelet`: the kubelet image, extra flags and extra mounts.
import { absolutePathProblem, imageProblem } from './field-checks';
import { type FieldReader, put } from './validation';

export interface KubeletMount {
  destination: string;
  type?: string;
  source: string;
  options?: string[];
}

export interface KubeletConfig {
  image?: string;
  extraArgs?: Record<string, string>;
  extraMounts?: KubeletMount[];
}

function readMount(at: FieldReader, value: unknown): KubeletMount | undefined {
  const raw = at.mapping(value, ['destination', 'type', 'source', 'options']);
  if (!raw) return undefined;
  const destination = at.at('destination').checked(raw.destination, absolutePathProblem, { required: true });
  const type = at.at('type').string(raw.type, { nonEmpty: true });
  const source = at.at('source').string(raw.source, { required: true });
  const options = at.at('options').stringList(raw.options);
  if (destination === undefined || source === undefined) return undefined;
  const out: KubeletMount = { destination, source };
  put(out, 'type', type);
  put(out, 'options', options);
  return out;
}

export function readKubelet(at: FieldReader, value: unknown): KubeletConfig | undefined {
  const raw = at.section(value, ['image', 'extraArgs', 'extraMounts']);
  if (!raw) return undefined;
  const out: KubeletConfig = {};
  put(out, 'image', at.at('image').checked(raw.image, imageProblem));
  put(out, 'extraArgs', at.at('extraArgs').stringMap(raw.extraArgs));
  put(out, 'extraMounts', at.at('extraMounts').list(raw.extraMounts, readMount));
  return out;
}
