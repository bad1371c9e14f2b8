/**
 * Bring your own network (issue 17): a researcher's PyTorch model saved as TorchScript
 * ({@code torch.jit.script(model).save("model.pt")} or {@code torch.jit.trace}) and examples in a
 * safetensors file ({@code inputs} [examples, ...input shape], {@code targets}: regression targets
 * for MSE, class indices or one-hot rows for CE), usable wherever a built-in network is.
 *
 * <pre>{@code
 * try (TorchScriptSource src = new TorchScriptConfig(modelFile, dataFile, testFileOrNull, ModuleMode.EVAL,
 *         subset, stratified, seed).open(loss)) {
 *     Parameters p = Parameters.initialize(src.network(), dtype, seed);     // the module's own values
 *     TrainingObjective o = new TrainingObjective(p, src.data(), loss, chunk);
 *     new HessianOperator(o) ...                                          // exact double-backward HVPs
 *     new Trainer(trainConfigWithNullModelAndData, src, runDirectory, listener).run();
 * }
 * }</pre>
 *
 * <p>{@link org.sharpscope.nn.torchscript.TorchScriptNetwork} explains how the module's parameter
 * slots are bound to Sharpscope's tensors, {@link org.sharpscope.nn.torchscript.ModuleMode} what
 * eval and train mode mean for BatchNorm and the loss. Checkpoints hold the module's full
 * state_dict (parameters and buffers under their PyTorch names), so
 * {@code torch.jit.load("model.pt").load_state_dict(...)} reads them (train checkpoints after
 * dropping their {@code optimizer.*} and {@code tracker.*} entries).
 */
package org.sharpscope.nn.torchscript;
