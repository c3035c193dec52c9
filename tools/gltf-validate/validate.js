#!/usr/bin/env node
// Validates glTF files (.gltf or .glb) with the Khronos glTF validator and prints one summary line
// per file.
//
//   node tools/gltf-validate/validate.js assets/campus/*.gltf
//   node tools/gltf-validate/validate.js campus.glb
//
// External resources (the .bin next to each .gltf) are read relative to the file that names
// them, so the validator checks accessor bounds and min/max against the real data. Exits 1 when
// any file has errors (warnings and infos are printed but do not fail), 2 on bad usage or when
// the validator package is not installed (run `npm ci --prefix tools/gltf-validate`).
//
// The Khronos validator does not know EXT_mesh_gpu_instancing (it reports it as unsupported and
// the instance accessors as unused), so this script checks that extension itself: the rules of
// the extension's spec that a broken generator could get wrong.
'use strict';

const fs = require('fs');
const path = require('path');

let validator;
try {
    validator = require('gltf-validator');
} catch (e) {
    console.error('validate.js: the gltf-validator package is not installed; run ' +
                  '`npm ci --prefix tools/gltf-validate` first (' + e.code + ')');
    process.exit(2);
}

// Only files inside the model's folder may be read: a uri escaping it is reported, not followed.
function resourceReader(dir) {
    return (uri) => {
        const file = path.resolve(dir, decodeURIComponent(uri));
        if (path.relative(dir, file).startsWith('..')) {
            return Promise.reject(new Error('uri leaves the model folder: ' + uri));
        }
        return fs.promises.readFile(file).then((data) => new Uint8Array(data));
    };
}

const GL_FLOAT = 5126;
const INSTANCE_TYPES = {TRANSLATION: 'VEC3', ROTATION: 'VEC4', SCALE: 'VEC3'};

// Returns error strings for every node's EXT_mesh_gpu_instancing, reading float rotations from
// the buffers to check they are unit quaternions.
async function checkInstancing(gltf, readResource) {
    const errors = [];
    const buffers = [];
    const floatsOf = async (accessor) => {
        const view = gltf.bufferViews[accessor.bufferView];
        if (buffers[view.buffer] === undefined) {
            buffers[view.buffer] = await readResource(gltf.buffers[view.buffer].uri);
        }
        const bytes = buffers[view.buffer];
        const start = bytes.byteOffset + (view.byteOffset || 0) + (accessor.byteOffset || 0);
        return new Float32Array(bytes.buffer.slice(start, start + accessor.count * 16));
    };
    for (const [n, node] of (gltf.nodes || []).entries()) {
        const ext = node.extensions && node.extensions.EXT_mesh_gpu_instancing;
        if (!ext) continue;
        const where = `/nodes/${n}/extensions/EXT_mesh_gpu_instancing`;
        if (!(gltf.extensionsUsed || []).includes('EXT_mesh_gpu_instancing')) {
            errors.push(`${where}: the extension is not listed in extensionsUsed`);
        }
        if (node.mesh === undefined) errors.push(`${where}: the node has no mesh to instance`);
        const attributes = ext.attributes || {};
        let count;
        for (const [name, index] of Object.entries(attributes)) {
            const accessor = (gltf.accessors || [])[index];
            if (!INSTANCE_TYPES[name] && !name.startsWith('_')) {
                errors.push(`${where}/attributes/${name}: not an attribute of the extension`);
            } else if (!accessor) {
                errors.push(`${where}/attributes/${name}: accessor ${index} does not exist`);
            } else {
                if (INSTANCE_TYPES[name] && accessor.type !== INSTANCE_TYPES[name]) {
                    errors.push(`${where}/attributes/${name}: ${accessor.type}, expected ${INSTANCE_TYPES[name]}`);
                }
                if (count !== undefined && accessor.count !== count) {
                    errors.push(`${where}/attributes/${name}: ${accessor.count} instances, others have ${count}`);
                }
                count = accessor.count;
                if (name === 'ROTATION' && accessor.type === 'VEC4' && accessor.componentType === GL_FLOAT) {
                    const q = await floatsOf(accessor);
                    for (let i = 0; i < accessor.count; i++) {
                        const len = Math.hypot(q[4 * i], q[4 * i + 1], q[4 * i + 2], q[4 * i + 3]);
                        if (Math.abs(len - 1) > 0.0005) {
                            errors.push(`${where}/attributes/ROTATION: instance ${i} is not a unit quaternion`);
                            break;
                        }
                    }
                }
            }
        }
        if (count === undefined) errors.push(`${where}: no attributes`);
    }
    return errors;
}

// The JSON and BIN chunks of a binary glTF (the validator has already checked its structure).
function glbChunks(data) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const jsonLength = view.getUint32(12, true);
    const json = data.subarray(20, 20 + jsonLength);
    let bin;
    if (20 + jsonLength + 8 <= data.byteLength) {
        const binLength = view.getUint32(20 + jsonLength, true);
        bin = data.subarray(20 + jsonLength + 8, 20 + jsonLength + 8 + binLength);
    }
    return {json, bin};
}

async function validateFile(file) {
    const data = new Uint8Array(await fs.promises.readFile(file));
    const readResource = resourceReader(path.dirname(path.resolve(file)));
    const report = await validator.validateBytes(data, {
        uri: path.basename(file),
        externalResourceFunction: readResource,
        maxIssues: 0,  // no limit: a count that stops early would hide errors
    });
    const issues = report.issues;
    const document = file.endsWith('.glb') ? glbChunks(data) : {json: data};
    if (file.endsWith('.gltf') || file.endsWith('.glb')) {
        // A GLB's own buffer (no uri) is its BIN chunk.
        const reader = (uri) => (uri === undefined ? Promise.resolve(document.bin) : readResource(uri));
        for (const message of await checkInstancing(JSON.parse(Buffer.from(document.json).toString('utf8')), reader)) {
            issues.messages.push({severity: 0, code: 'EXT_MESH_GPU_INSTANCING', message, pointer: ''});
            issues.numErrors++;
        }
    }
    console.log(`${file}: ${issues.numErrors} errors, ${issues.numWarnings} warnings, ` +
                `${issues.numInfos} infos, ${issues.numHints} hints`);
    for (const m of issues.messages) {
        if (m.severity <= 1) {  // 0 error, 1 warning
            const kind = m.severity === 0 ? 'error' : 'warning';
            console.log(`  ${kind} ${m.code} at ${m.pointer || '/'}: ${m.message}`);
        }
    }
    return issues.numErrors;
}

async function main(files) {
    if (files.length === 0) {
        console.error('usage: validate.js FILE.gltf...');
        return 2;
    }
    let failed = 0;
    for (const file of files) {
        try {
            if ((await validateFile(file)) > 0) {
                failed++;
            }
        } catch (e) {
            console.log(`${file}: could not be validated: ${e.message || e}`);
            failed++;
        }
    }
    console.log(`${files.length} files, ${failed} with errors`);
    return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
