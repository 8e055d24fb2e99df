import { z } from 'zod';
import { zText } from '../../../common/validation-zod.ts';
import { CERTIFICATE_STATES } from '../officers/certificates/certificate-state.ts';

export const CertificateLookupQuery = z.object({
  number: z
    .string({ error: '请输入执法证号码' })
    .trim()
    .min(1, '请输入执法证号码')
    .max(40, '执法证号码不能超过 40 个字符'),
  name: z
    .string({ error: '请输入持证人姓名' })
    .trim()
    .min(1, '请输入持证人姓名')
    .max(50, '姓名不能超过 50 个字符'),
});
export type CertificateLookupQuery = z.infer<typeof CertificateLookupQuery>;

/** All the public learns: nothing personal beyond the name they already typed. */
export const PublicCertificate = z.object({
  name: zText(),
  agency: zText(),
  area: zText(),
  categories: z.array(zText()),
  issuedOn: zText(),
  validUntil: zText(),
  state: z.enum(CERTIFICATE_STATES),
  stateLabel: zText(),
});
export type PublicCertificate = z.infer<typeof PublicCertificate>;
