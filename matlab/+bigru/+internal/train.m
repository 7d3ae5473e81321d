function [net, info] = train(fname, X, Y, layers, lossFcn, options, wantInfo)
%TRAIN  trainNetwork's and trainnet's work (internal): the data read as the function reads it, checked against the
%   layers, normalized as sequenceInputLayer says, trained on the Java side while the verbose table and the
%   training-progress plot follow it, and the result as MATLAB returns it.
%   FNAME 'trainNetwork': X cell array of numFeatures-by-numTimeSteps sequences, Y the targets, LAYERS ending with
%   an output layer, LOSSFCN ignored. 'trainnet': X as InputDataFormats reads it (default: numTimeSteps-by-
%   numChannels sequences), T the targets, LAYERS without an output layer or a dlnetwork, LOSSFCN the loss.
trainnet = strcmp(fname, 'trainnet');
yName = 'Y';
initial = [];
if trainnet
  yName = 'T';
  if isa(lossFcn, 'function_handle')
    bigru.internal.fail(fname, 'invalidLoss', ['lossFcn is a function handle (%s); bigru trains with the losses it ' ...
                        'computes itself: ''crossentropy'' (classification) or ''mse'' (regression)'], func2str(lossFcn));
  end
  if isa(lossFcn, 'string') && isscalar(lossFcn)
    lossFcn = char(lossFcn);
  end
  if ~ischar(lossFcn) || isempty(lossFcn)
    bigru.internal.fail(fname, 'invalidLoss', 'lossFcn must be a loss name, ''crossentropy'' or ''mse'', not a %s', ...
                        class(lossFcn));
  end
  if isa(layers, 'bigru.dlnetwork')
    initial = layers.Java;
    la = initial.layers();
  elseif isa(layers, 'bigru.internal.Network')
    bigru.internal.fail(fname, 'invalidNetwork', ['net is a network of trainNetwork''s; trainnet trains a ' ...
                        'dlnetwork or a layer array without an output layer']);
  else
    la = bigru.internal.layerArray(layers, fname);
  end
  try
    la.requireNoOutputLayer(fname);
    la.requireLoss(lossFcn);
  catch err
    bigru.internal.javaError(err, fname, 'invalidLayers');
  end
else
  la = bigru.internal.layerArray(layers, fname);
  try
    la.requireOutputLayer(fname);
  catch err
    bigru.internal.javaError(err, fname, 'invalidLayers');
  end
end
jopts = bigru.internal.trainingOptionsToJava(options, fname);
format = 'CT';
if trainnet
  format = char(jopts.inputDataFormats());
end
seq = bigru.internal.sequences(X, 'X', fname, format);
try
  la = la.fitNormalization(seq, jopts.resetInputNormalization());
  seq = la.prepare(seq, 'the layer array');
catch err
  bigru.internal.javaError(err, fname, 'featureCount');
end
[data, classNames, labelKind, orientation] = bigru.internal.dataset(la, seq, Y, yName, {}, fname, trainnet);
validation = [];
if ~isempty(options.ValidationData)
  v = options.ValidationData;
  vseq = bigru.internal.sequences(v{1}, 'ValidationData X', fname, format);
  try
    vseq = la.prepare(vseq, 'the layer array');
  catch err
    bigru.internal.javaError(err, fname, 'featureCount');
  end
  validation = bigru.internal.dataset(la, vseq, v{2}, ['ValidationData ' yName], classNames, fname, trainnet);
end
try
  session = javaMethod('startTraining', bigru.internal.javaClass('Bigru'), fname, la, data, validation, ...
                       classNames, jopts, {'matlab.labelType', 'matlab.labelOrientation'}, {labelKind, orientation}, ...
                       initial);
catch err
  bigru.internal.javaError(err, fname, 'invalidArgument');
end
jnet = bigru.internal.runTraining(session, fname, logical(jopts.plotsProgress()));
net = bigru.internal.network(jnet);
info = [];
if wantInfo
  info = bigru.internal.trainingInfo(jnet, fname);
end
end
