function Y = batchPredict(fname, net, X, args)
%BATCHPREDICT  minibatchpredict's work for a dlnetwork (internal); see help bigru.minibatchpredict.
opts = bigru.internal.arguments(fname, args, {}, 'minibatchpredict');
jnet = net.Java;
[seq, lengths] = bigru.internal.sequences(X, 'X', fname, opts.InputDataFormats);
try
  values = double(jnet.predict(seq));
catch err
  bigru.internal.javaError(err, fname, 'featureCount');
end
values = values(:);
k = double(jnet.layers().outputSize());
n = numel(lengths);
if ~jnet.isPerStep()
  Y = reshape(values, n, k);
  return
end
parts = mat2cell(values, k * lengths, 1);
Y = cellfun(@(p) reshape(p, k, []).', parts, 'UniformOutput', false);
if isfield(opts, 'UniformOutput') && ~opts.UniformOutput
  return
end
longest = max(lengths);
padded = zeros(longest, k, n);
left = strcmp(opts.SequencePaddingDirection, 'left');
for i = 1:n
  if left
    padded(longest - lengths(i) + 1:end, :, i) = Y{i};
  else
    padded(1:lengths(i), :, i) = Y{i};
  end
end
Y = padded;
end
